/**
 * Portfolio selection's inputs and outputs. Inputs are plain data (not the register) so the
 * pipeline can compose costs, financial-year phasing and capacity figures from the finance and
 * capacity modules; Maps survive `postMessage` (structured clone) into the solver's worker.
 */

export type SelectionOverride = "Auto" | "Forced in" | "Forced out";

export interface SelectionProject {
  id: string;
  /** What selecting it is worth (its score, NPV, …): the objective's coefficient. */
  value: number;
  /** Total cost counted against the budget; absent = 0. */
  cost?: number;
  /** Cost per financial year, keyed by the same labels as `SelectionInput.budgetByYear` (`FY2026/27`). */
  costByYear?: Record<string, number>;
  /** The register's Selection field. */
  selection?: SelectionOverride | null;
  /** The register's Stage; `Delivery` is committed (forced in) unless `commitDelivery` is false. */
  stage?: string | null;
}

export type DependencyKind = "requires" | "excludes";

/** `requires`: selecting `from` needs `to` selected (x_from ≤ x_to). `excludes`: not both (x_from + x_to ≤ 1). */
export interface SelectionDependency {
  kind: DependencyKind;
  from: string;
  to: string;
}

export interface SelectionInput {
  projects: SelectionProject[];
  /** Total budget; null/undefined = no budget constraint (conventions: no Budget anywhere). */
  budget?: number | null;
  /** Budget per financial year (label → limit), matched against each project's `costByYear`. */
  budgetByYear?: Record<string, number>;
  /** Month labels (`YYYY-MM`) the demand and supply arrays are aligned with. */
  months?: string[];
  /** Per project, per role, demand in FTE per month (aligned with `months`). */
  demand?: Map<string, Map<string, ArrayLike<number>>>;
  /** Per role, supply in FTE per month (aligned with `months`). A role missing here is not constrained. */
  supply?: Map<string, number[]>;
  /** Allowed over-allocation as a fraction (0.1 = demand may reach 110 % of supply). Default 0. */
  overAllocation?: number;
  dependencies?: SelectionDependency[];
}

export interface SelectionProgress {
  phase: "load" | "solve" | "conflicts" | "frontier" | "hire" | "done";
  /** Solves finished in this phase and how many it has. */
  done: number;
  total: number;
  message: string;
}

/** The best selection the solver has found so far (reported while the main solve runs, and once when it ends). */
export interface SelectionIncumbent {
  selected: string[];
  /** Σ value of `selected`, in id order. */
  objective: number;
  /** The best objective still possible (HiGHS's dual bound), when known. */
  bound: number | null;
  /** Relative gap between `objective` and `bound`. */
  gap: number | null;
  /** Seconds into the main solve. */
  seconds: number;
  /** Set when the main solve has ended: its status. Absent while it is still improving. */
  status?: SelectionStatus;
}

export interface SelectionOptions {
  /** Per solve (the main solve, each frontier point, each hire re-solve). Default 60. */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which HiGHS may stop. Default 1e-9 (proven optimal for practical purposes). */
  mipGap?: number;
  /** What the objective is called in messages and sheets ("score", "NPV"). Default "value". */
  objectiveName?: string;
  /** Projects in Delivery are committed (forced in). Default true. */
  commitDelivery?: boolean;
  /** Compute the efficient frontier. Default true. */
  frontier?: boolean;
  /** Budget levels as fractions of the total cost of all eligible projects. Default 0.1, 0.2, …, 1.0. */
  frontierLevels?: number[];
  /**
   * Seconds shared by all frontier points (default 30). Each point gets an equal share of what is
   * left (at least 0.2 s, at most `timeLimitSeconds`); one not proven in its share is `feasible`.
   */
  frontierTimeLimitSeconds?: number;
  /** Compute the hire analysis (+1 FTE per binding role). Default true. */
  hire?: boolean;
  /** Seconds shared by the hire re-solves (default 30), shared out as for the frontier. */
  hireTimeLimitSeconds?: number;
  /**
   * Checked before each solve and inside HiGHS's MIP callback: the solve stops and the best
   * selection found so far is kept (status `stopped`). A caller cancelling its whole run discards
   * the result; in a pane, terminate the worker instead (see selection-worker-client.ts).
   */
  signal?: AbortSignal;
  /** Stops the solve as `signal` does; kept apart so a pane can tell "stop and keep the best so far" from "cancel". */
  stop?: AbortSignal;
  /** Each better selection found during the main solve, then the main solve's own when it ends. */
  onIncumbent?: (incumbent: SelectionIncumbent) => void;
  onProgress?: (progress: SelectionProgress) => void;
}

export type SelectionStatus = "optimal" | "feasible" | "infeasible" | "stopped";

export interface BindingConstraint {
  /** `budget`, `budget FY2026/27`, `capacity Developer 2026-03`, `requires P-1 → P-2`, `excludes P-1 / P-2`. */
  constraint: string;
  /** Limit minus use (FTE for capacity, money for budgets). */
  slack: number;
  /** Unselected projects this constraint alone keeps out (it would be exceeded if they were added). */
  blocks: string[];
}

export interface FrontierPoint {
  budget: number;
  /** Null where the forced choices alone exceed this budget. */
  objective: number | null;
  cost: number | null;
  selectedCount: number;
  status: SelectionStatus;
}

export interface ConflictExplanation {
  /** Forced-in, committed or forced-out projects that cannot all hold. */
  forced: string[];
  /** Constraint names that, with those choices, cannot be met. */
  constraints: string[];
  /** HiGHS IIS (checked, and reduced by the deletion filter if it was not minimal), or the deletion filter alone. */
  method: "HiGHS IIS" | "HiGHS IIS + deletion filter" | "deletion filter";
  message: string;
}

export type DecisionReason =
  | "forced in"
  | "committed (in Delivery)"
  | "selected"
  | "forced out"
  | "blocked"
  | "no value"
  | "not in the best combination";

export interface ProjectDecision {
  id: string;
  selected: boolean;
  reason: DecisionReason;
  /** For unselected projects: the constraints that alone keep each one out. */
  blockedBy: string[];
}

export interface HireGain {
  role: string;
  /** Objective gained by one more FTE of the role in every month. */
  gain: number;
  status: SelectionStatus;
}

export interface SelectionResult {
  status: SelectionStatus;
  /** Set when the solver could not run at all: "Selection not available: …" (status stopped, nothing selected). */
  unavailable?: string;
  objectiveName: string;
  /** Σ value of the selected projects, summed in id order (not the solver's float). */
  objective: number;
  cost: number;
  /** The total budget used (null = none). */
  budget: number | null;
  selected: string[];
  binding: BindingConstraint[];
  frontier: FrontierPoint[];
  conflicts?: ConflictExplanation;
  hire: HireGain[];
  decisions: ProjectDecision[];
  months: string[];
  /** Demand of the selected projects per role per month (aligned with `months`). */
  capacityUse: Record<string, number[]>;
  /** Capacity (supply × (1 + over-allocation)) per role per month. */
  capacityLimit: Record<string, number[]>;
  /** Relative gap HiGHS reported for the main solve (0 when proven optimal to the tolerance). */
  gap: number | null;
  solveSeconds: number;
  notes: string[];
  problems: string[];
}
