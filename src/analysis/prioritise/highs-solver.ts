import loadHighs from "highs";
import type { CallbackData, Highs, Model } from "highs";
import type { SelectionModel } from "./selection-model";
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

export class PortfolioSolver {
  private readonly model: Model;
  private limit: number;

  constructor(
    private readonly highs: Highs,
    private readonly m: SelectionModel,
    private readonly settings: SolverSettings,
  ) {
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of m.rows) {
      row.cols.forEach((c, k) => {
        indices.push(c);
        values.push(row.coefs[k]);
      });
      starts.push(indices.length);
    }
    const n = m.ids.length;
    this.limit = settings.timeLimitSeconds;
    this.model = highs.createModel({
      numCols: n,
      numRows: m.rows.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: m.values,
      colLower: m.lower,
      colUpper: m.upper,
      rowLower: m.rows.map(() => -Infinity),
      rowUpper: m.rows.map((r) => r.upper),
      matrix: { format: "csr", numRows: m.rows.length, numCols: n, starts, indices, values },
      integrality: m.ids.map(() => highs.constants.variableType.integer),
    });
    this.model.options.set({
      output_flag: false,
      mip_rel_gap: settings.mipGap,
      // The relative gap governs; an absolute gap of 1e-6 would stop early on small objectives.
      mip_abs_gap: 0,
      time_limit: settings.timeLimitSeconds,
      random_seed: 0,
    });
  }

  /** Per-solve time limit in seconds (the main solve uses `settings.timeLimitSeconds`). */
  setTimeLimit(seconds: number): void {
    this.limit = seconds;
    this.model.options.set({ time_limit: seconds });
  }

  setRowUpper(row: number, upper: number): void {
    this.model.changeRowBounds(row, -Infinity, upper);
  }

  aborted(): boolean {
    return Boolean(this.settings.signal?.aborted) || Boolean(this.settings.stop?.aborted);
  }

  /** `onImproved` hears each better selection as HiGHS finds it (in the original model's columns). */
  solve(warmStart?: Float64Array | null, onImproved?: (found: ImprovedSolution) => void): SolveOutcome {
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
                bound: finiteOrNull(bound),
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
