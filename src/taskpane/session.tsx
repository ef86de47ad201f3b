import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";
import type { HostMode } from "./host";
import type { WorkbookStatus } from "./pane-steps";

/**
 * What the pane knows about the workbook it works on, shared by the sections: the status shown in
 * the header, (file mode) the register workbook's bytes, the last selection (for the capacity
 * scenario and levelling order), whether the summary reflects the latest changes, and which step
 * is running (one at a time, so two steps never write the same workbook at once).
 */
export type SectionId = "register" | "validate" | "prioritise" | "capacity" | "health" | "summary" | "settings";

export interface PaneSession {
  mode: HostMode;
  file: { name: string; bytes: Uint8Array } | null;
  status: WorkbookStatus | null;
  /** The selected projects and the ranking of the last prioritisation run in this session. */
  lastSelection: { selected: string[] | null; ranking: string[] } | null;
  /** The summary was produced after the last change made in this session. */
  summaryCurrent: boolean;
  busy: string | null;
  /** A step changed the workbook: new status and (file mode) bytes. */
  changed: (update: { status?: WorkbookStatus | null; bytes?: Uint8Array | null; summary?: boolean }) => void;
  setFile: (file: { name: string; bytes: Uint8Array } | null, status?: WorkbookStatus | null) => void;
  setStatus: (status: WorkbookStatus | null) => void;
  setLastSelection: (selection: PaneSession["lastSelection"]) => void;
  exclusive: { claim: (step: string) => boolean; release: (step: string) => void; holder: () => string | null };
  open: (section: SectionId) => void;
}

const SessionContext = createContext<PaneSession | null>(null);

export function useSession(): PaneSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside the pane's session provider");
  return session;
}

export const SessionProvider = SessionContext.Provider;

export function usePaneSessionState(mode: HostMode, open: (section: SectionId) => void): PaneSession {
  const [file, setFileState] = useState<PaneSession["file"]>(null);
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [lastSelection, setLastSelection] = useState<PaneSession["lastSelection"]>(null);
  const [summaryCurrent, setSummaryCurrent] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  // A ref as well as state: two clicks in one frame must not both claim the workbook.
  const busyRef = useRef<string | null>(null);

  const exclusive = useMemo(
    () => ({
      claim: (step: string) => {
        if (busyRef.current !== null) return false;
        busyRef.current = step;
        setBusy(step);
        return true;
      },
      holder: () => busyRef.current,
      release: (step: string) => {
        if (busyRef.current !== step) return;
        busyRef.current = null;
        setBusy(null);
      },
    }),
    [],
  );

  const changed = useCallback<PaneSession["changed"]>((update) => {
    if (update.status !== undefined) setStatus(update.status);
    if (update.bytes) setFileState((f) => (f ? { ...f, bytes: update.bytes as Uint8Array } : f));
    setSummaryCurrent(update.summary === true);
  }, []);

  const setFile = useCallback<PaneSession["setFile"]>((next, nextStatus) => {
    setFileState(next);
    if (nextStatus !== undefined) setStatus(nextStatus);
    setLastSelection(null);
    setSummaryCurrent(false);
  }, []);

  return {
    mode,
    file,
    status,
    lastSelection,
    summaryCurrent,
    busy,
    changed,
    setFile,
    setStatus,
    setLastSelection,
    exclusive,
    open,
  };
}
