import { useEffect } from "react";
import type { Settings, SettingsProblem } from "../domain/settings";
import { useSession } from "./session";
import { loadSteps, READ_ONLY_STEP, useStep } from "./step-runner";

export interface WorkbookSettingsRead {
  settings: Settings;
  problems: SettingsProblem[];
  found: boolean;
}

/**
 * Reads PMO Settings once per workbook (when the component mounts, and when a build or an opened
 * file replaces the workbook) and hands the read to `onRead`. Used by every pane editor of the
 * settings: the Settings section, the weights editor and the AHP grid.
 */
export function useWorkbookSettings(name: string, onRead: (read: WorkbookSettingsRead) => void) {
  const session = useSession();
  const available = session.mode === "excel" || session.file !== null;
  const load = useStep<Settings>({
    mode: session.mode,
    failure: { title: "The settings could not be read", advice: "Close and reopen this section to try again." },
    exclusive: READ_ONLY_STEP,
    name,
  });
  useEffect(() => {
    if (!available) return;
    void load.run(async (request) => {
      const steps = await loadSteps();
      const read = await steps.readSettings({ mode: session.mode, file: session.file }, request);
      onRead(read);
      return read.settings;
    });
  }, [available, session.file?.name]);
  return { load, available };
}
