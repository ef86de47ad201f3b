import type { WorkbookPort } from "../../workbook/port";
import { checkCancelled } from "../cancellation";
import type { CapacityRun } from "../capacity-use-case";
import { runCapacity } from "../capacity-use-case";
import type { OpenRegister } from "../open-register";
import { rankProjects } from "../prioritise-use-case";
import { writeOwnedSheets } from "../write-outputs";
import type { StepOptions, StepWrite } from "./step-options";
import { openForStep } from "./step-options";

export interface CapacityInWorkbookOptions extends StepOptions {
  /** First month `YYYY-MM` (default: the allocations' first month). */
  from?: string;
  months?: number;
  /** Only these projects' demand (the selected portfolio); all projects when absent. */
  selected?: Set<string>;
  /** Also propose start shifts that level demand to supply. */
  level?: boolean;
  /** Priority order for levelling (best first); default: the weighted ranking from PMO Settings. */
  priority?: string[];
}

export interface CapacityInWorkbookOutcome extends StepWrite {
  run: CapacityRun;
  opened: OpenRegister;
}

/** Demand against supply by role and month (and a levelling proposal), written as the Capacity (and Levelling) sheets. */
export async function capacityInWorkbook(
  port: WorkbookPort,
  options: CapacityInWorkbookOptions = {},
): Promise<CapacityInWorkbookOutcome> {
  const opened = await openForStep(port, options);
  options.progress?.({ stage: "Adding up demand and supply", done: 0, total: 1 });
  const priority =
    options.level && !options.priority
      ? rankProjects(opened.register, opened.settings, "weighted").ranking.ranking.map((r) => r.id)
      : options.priority;
  const run = runCapacity(opened.register, opened.settings, {
    from: options.from,
    months: options.months,
    selected: options.selected,
    level: options.level,
    priority,
  });
  options.progress?.({
    stage: "Adding up demand and supply",
    done: 1,
    total: 1,
    message: `${Object.keys(run.plan.roles).length} roles × ${run.plan.months.length} months`,
  });
  checkCancelled(options.signal);
  const write =
    options.write === false
      ? { written: [], warnings: [] }
      : await writeOwnedSheets(port, opened.sheetNames, opened.settings, run.sheets, {
          progress: options.progress,
          signal: options.signal,
          settingsHaveProblems: opened.settingsProblems.length > 0,
        });
  return { ...write, run, opened };
}
