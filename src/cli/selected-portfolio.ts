import { runPrioritisation } from "../pipeline/prioritise-use-case";
import { openRegisterFile } from "./register-file";
import type { Reporter } from "./reporter";

/**
 * For `capacity --scenario selected` and `--level`: the ranking (priority order for levelling) and
 * the portfolio the exact selection picks, computed from the same register and settings.
 */
export async function selectedPortfolio(
  file: string,
  reporter: Reporter,
): Promise<{ ids: Set<string>; priority: string[] }> {
  const { register } = await openRegisterFile(file, reporter);
  const run = await runPrioritisation(register.register, register.settings, { method: "weighted", select: true });
  reporter.stop();
  const s = run.selection;
  if (s && s.status !== "optimal" && s.status !== "feasible")
    reporter.warn(`The portfolio selection is ${s.status}; the selected scenario holds no projects.`);
  return { ids: new Set(s?.selected ?? []), priority: run.ranking.ranking.map((r) => r.id) };
}
