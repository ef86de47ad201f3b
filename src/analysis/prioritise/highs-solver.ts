import loadHighs from "highs";
import type { CallbackData, Highs, Model } from "highs";
import type { SelectionModel } from "./selection-model";
import { longestRequiresChain } from "./selection-model";
import type { SelectionStatus } from "./selection-types";

/**
 * A thin wrapper over one persistent HiGHS model (WebAssembly, MIT): pass the 0-1 model once,
 * then re-solve after changing a row bound (frontier, hire) with the last selection as a warm
 * start. HiGHS runs synchronously and single-threaded; it can be interrupted only from its own
 * MIP callback, so an abort takes effect there when a signal has fired, and otherwise between
 * solves (a pane terminates its worker to stop a solve at once).
 */
let loaded: Promise<Highs> | null = null;

/** HiGHS loads its WebAssembly once per process or worker; in the pane, webpack emits highs.wasm beside the worker. */
export function loadSolver(): Promise<Highs> {
  if (!loaded) {
    const p = loadHighs();
    // A failed load must not poison later attempts.
    p.catch(() => {
      if (loaded === p) loaded = null;
    });
    loaded = p;
  }
  return loaded;
}

function solverMessage(err: unknown): string {
  if (err instanceof SolverFailure) return err.message;
  if (err instanceof RangeError) return `HiGHS ran out of stack (${err.message})`;
  return `HiGHS failed (${(err as Error)?.message ?? String(err)})`;
}

const finiteOrNull = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

export interface SolveOutcome {
  status: SelectionStatus;
  /** 0/1 per column, or null when no feasible selection is known. */
  x: Float64Array | null;
  gap: number | null;
  seconds: number;
  /** Why the solve did not prove optimality, when it did not. */
  reason?: string;
}

export interface SolverSettings {
  timeLimitSeconds: number;
  mipGap: number;
  signal?: AbortSignal;
  /** A second signal with the same effect (the pane's "stop and keep the best so far"). */
  stop?: AbortSignal;
}

/** A better 0/1 selection HiGHS found during a solve, with its proven bound and gap at that moment. */
export interface ImprovedSolution {
  x: Float64Array;
  bound: number | null;
  gap: number | null;
  seconds: number;
}

/** A solve HiGHS could not run (a model it rejects, a crash inside it): the selection is not available. */
export class SolverFailure extends Error {}

/**
 * HiGHS rejects matrix values of 1e15 and more (`large_matrix_value`) and treats bounds past 1e20
 * as infinite; money in pence or a typo of 1e15 must not reach it raw. A row (or the objective)
 * whose largest coefficient passes 1e9 is divided by a power of ten that brings it to 1e6 or
 * below, so registers in ordinary units keep their exact model. Results are always read back in
 * the register's units from the unscaled model.
 */
const SCALE_ABOVE = 1e9;
const SCALE_TO = 1e6;
const HIGHS_INFINITE = 1e20;

export function powerOfTenScale(coefs: readonly number[]): number {
  let max = 0;
  for (const c of coefs) if (Number.isFinite(c)) max = Math.max(max, Math.abs(c));
  if (max <= SCALE_ABOVE) return 1;
  return 10 ** Math.ceil(Math.log10(max / SCALE_TO));
}

/** A row bound in the scaled model: past what HiGHS treats as finite (or not a number) is no bound. */
export function scaledBound(upper: number, scale: number): number {
  const u = upper / scale;
  return Number.isNaN(u) || u >= HIGHS_INFINITE ? Infinity : u;
}

/**
 * HiGHS's presolve recurses once per link when it fixes a long Requires chain (a 3,000-link chain
 * overflows the stack of a WebAssembly call). Models with a chain this long are solved without
 * presolve; a crash of that kind in any model is retried once without it.
 */
export const PRESOLVE_CHAIN_LIMIT = 500;

export class PortfolioSolver {
  private model!: Model;
  private limit: number;
  private readonly rowScale: number[];
  private readonly objectiveScale: number;
  /** Per row, the sum of its positive coefficients: a bound at or past it can never bind. */
  private readonly rowReach: number[];
  /** Current row bounds in the register's units (re-applied if the model is rebuilt). */
  private readonly rowUpper: number[];
  private presolve: boolean;

  constructor(
    private readonly highs: Highs,
    private readonly m: SelectionModel,
    private readonly settings: SolverSettings,
  ) {
    this.limit = settings.timeLimitSeconds;
    this.rowScale = m.rows.map((r) => powerOfTenScale(r.coefs));
    this.objectiveScale = powerOfTenScale(m.values);
    this.rowUpper = m.rows.map((r) => r.upper);
    this.rowReach = m.rows.map((r) => r.coefs.reduce((a, c) => (c > 0 && Number.isFinite(c) ? a + c : a), 0));
    this.presolve = longestRequiresChain(m) < PRESOLVE_CHAIN_LIMIT;
    this.build();
  }

  /** Notes for the result: how the model was scaled or solved, in the user's terms. */
  notes(): string[] {
    const out: string[] = [];
    const scaled = this.m.rows.filter((_, r) => this.rowScale[r] > 1).map((r) => r.name);
    if (scaled.length > 0 || this.objectiveScale > 1)
      out.push(
        `Large amounts were divided by a power of ten for the solver (${[...scaled, ...(this.objectiveScale > 1 ? ["the objective"] : [])].join(", ")}); results are in the register's units.`,
      );
    if (!this.presolve)
      out.push(
        `A Requires chain of ${longestRequiresChain(this.m)} links was solved without HiGHS's presolve, which recurses once per link.`,
      );
    return out;
  }

  private build(): void {
    const { highs, m, settings } = this;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    m.rows.forEach((row, r) => {
      const scale = this.rowScale[r];
      row.cols.forEach((c, k) => {
        indices.push(c);
        values.push(row.coefs[k] / scale);
      });
      starts.push(indices.length);
    });
    const n = m.ids.length;
    try {
      this.model = highs.createModel({
        numCols: n,
        numRows: m.rows.length,
        sense: highs.constants.objectiveSense.maximize,
        colCost: m.values.map((v) => v / this.objectiveScale),
        colLower: m.lower,
        colUpper: m.upper,
        rowLower: m.rows.map(() => -Infinity),
        rowUpper: this.rowUpper.map((u, r) => this.bound(r, u)),
        matrix: { format: "csr", numRows: m.rows.length, numCols: n, starts, indices, values },
        integrality: m.ids.map(() => highs.constants.variableType.integer),
      });
    } catch (err) {
      throw new SolverFailure(`HiGHS did not accept the model (${(err as Error).message})`);
    }
    this.model.options.set({
      output_flag: false,
      mip_rel_gap: settings.mipGap,
      // The relative gap governs; an absolute gap of 1e-6 would stop early on small objectives.
      mip_abs_gap: 0,
      time_limit: this.limit,
      random_seed: 0,
      ...(this.presolve ? {} : { presolve: "off" }),
    });
  }

  /** Per-solve time limit in seconds (the main solve uses `settings.timeLimitSeconds`). */
  setTimeLimit(seconds: number): void {
    this.limit = seconds;
    this.model.options.set({ time_limit: seconds });
  }

  setRowUpper(row: number, upper: number): void {
    this.rowUpper[row] = upper;
    this.model.changeRowBounds(row, -Infinity, this.bound(row, upper));
  }

  /** A budget of 1e15, 1e308 or Infinity above all the row could ever use is no bound at all. */
  private bound(row: number, upper: number): number {
    return upper >= this.rowReach[row] ? Infinity : scaledBound(upper, this.rowScale[row]);
  }

  aborted(): boolean {
    return Boolean(this.settings.signal?.aborted) || Boolean(this.settings.stop?.aborted);
  }

  /**
   * `onImproved` hears each better selection as HiGHS finds it (in the original model's columns).
   * A stack overflow inside HiGHS is retried once on a fresh model without presolve; any other
   * failure is a `SolverFailure`.
   */
  solve(warmStart?: Float64Array | null, onImproved?: (found: ImprovedSolution) => void): SolveOutcome {
    try {
      return this.solveOnce(warmStart, onImproved);
    } catch (err) {
      if (!(err instanceof RangeError) || !this.presolve) throw new SolverFailure(solverMessage(err));
    }
    this.model.dispose();
    this.presolve = false;
    this.build();
    try {
      return this.solveOnce(warmStart, onImproved);
    } catch (err) {
      throw new SolverFailure(solverMessage(err));
    }
  }

  private solveOnce(warmStart?: Float64Array | null, onImproved?: (found: ImprovedSolution) => void): SolveOutcome {
    const K = this.highs.constants;
    if (this.aborted())
      return { status: "stopped", x: null, gap: null, seconds: 0, reason: "stopped before the solve began" };
    if (this.m.ids.length === 0) return { status: "optimal", x: new Float64Array(0), gap: 0, seconds: 0 };
    this.model.clearSolver();
    // time_limit is cumulative over a model's runs unless its clocks are reset.
    this.model.zeroAllClocks();
    if (warmStart) this.model.setSolution({ colValue: warmStart });
    const started = Date.now();
    const run = this.model.run({
      [K.callbackType.mipInterrupt]: (event) => {
        if (this.aborted()) event.interrupt();
      },
      ...(onImproved
        ? {
            [K.callbackType.mipImprovingSolution]: (event: { data: CallbackData }) => {
              const { mip_solution: found, mip_dual_bound: bound, mip_gap: gap, running_time: time } = event.data;
              if (!found || found.length !== this.m.ids.length) return;
              onImproved({
                x: Float64Array.from(found, (v) => (v > 0.5 ? 1 : 0)),
                bound: finiteOrNull(bound === undefined ? undefined : bound * this.objectiveScale),
                gap: finiteOrNull(gap),
                seconds: finiteOrNull(time) ?? (Date.now() - started) / 1000,
              });
            },
          }
        : {}),
    });
    const seconds = (Date.now() - started) / 1000;
    const code = run.modelStatus;
    if (code === K.modelStatus.infeasible || code === K.modelStatus.unboundedOrInfeasible) {
      return { status: "infeasible", x: null, gap: null, seconds };
    }
    const hasSolution = Number(this.model.info.get("primal_solution_status")) === K.solutionStatus.feasible;
    const x = hasSolution ? Float64Array.from(this.model.getSolution().colValue, (v) => (v > 0.5 ? 1 : 0)) : null;
    const gap = hasSolution ? Number(this.model.info.get("mip_gap")) : null;
    if (code === K.modelStatus.optimal) return { status: "optimal", x, gap: gap ?? 0, seconds };
    const reason =
      code === K.modelStatus.interrupted
        ? "stopped on request"
        : code === K.modelStatus.timeLimit
          ? `time limit of ${Number(this.limit.toPrecision(3))} s reached`
          : `HiGHS ended with model status ${code}`;
    if (code === K.modelStatus.interrupted) return { status: "stopped", x, gap, seconds, reason };
    return { status: x ? "feasible" : "stopped", x, gap, seconds, reason };
  }

  /** HiGHS's irreducible infeasible subsystem after an infeasible solve: columns whose bounds and rows that conflict. */
  iis(): { cols: number[]; rows: number[] } | null {
    try {
      const iis = this.model.getIis();
      if (iis.colIndex.length === 0 && iis.rowIndex.length === 0) return null;
      return { cols: Array.from(iis.colIndex), rows: Array.from(iis.rowIndex) };
    } catch {
      return null;
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
