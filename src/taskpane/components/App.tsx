import { Suspense, lazy, useCallback, useEffect, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { BuildOutcome } from "../../pipeline/steps/build";
import type { HostMode } from "../host";
import type { WorkbookStatus } from "../pane-steps";
import { usePaneTheme } from "../theme";
import type { SectionId } from "../session";
import { SessionProvider, usePaneSessionState } from "../session";
import { loadSteps } from "../step-runner";
import { RegisterSection } from "./RegisterSection";
import { SectionBoundary } from "./SectionBoundary";
import { StatusHeader } from "./StatusHeader";

// Each later step's code loads when its section is first opened, keeping the first chunk small.
const ValidateSection = lazy(() => import(/* webpackChunkName: "section-validate" */ "./ValidateSection"));
const PrioritiseSection = lazy(() => import(/* webpackChunkName: "section-prioritise" */ "./PrioritiseSection"));
const CapacitySection = lazy(() => import(/* webpackChunkName: "section-capacity" */ "./CapacitySection"));
const ScheduleHealthSection = lazy(
  () => import(/* webpackChunkName: "section-schedule-health" */ "./ScheduleHealthSection"),
);
const SummarySection = lazy(() => import(/* webpackChunkName: "section-summary" */ "./SummarySection"));
const SettingsSection = lazy(() => import(/* webpackChunkName: "section-settings" */ "./SettingsSection"));

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    // The pane is 320–450 px wide: nothing may force a horizontal scroll bar.
    overflowX: "hidden",
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
    flexWrap: "wrap",
  },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  title: { flexGrow: 1 },
});

/** The status right after a build in file mode: the register and nothing downstream yet. */
function statusFromBuild(outcome: BuildOutcome): WorkbookStatus {
  const records = Object.fromEntries(Object.entries(outcome.register).filter(([, n]) => n > 0));
  return {
    records,
    registerBuilt: Object.keys(records).length > 0,
    findings: null,
    ranked: false,
    selectionSaved: false,
    capacityPlanned: false,
    summarySheets: [],
    settingsFound: true,
    settingsProblems: 0,
  };
}

const quiet = () => ({ signal: new AbortController().signal, progress: () => undefined });

function Lazy({ children }: { children: JSX.Element }): JSX.Element {
  return (
    <SectionBoundary>
      <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>{children}</Suspense>
    </SectionBoundary>
  );
}

export function App({ mode }: { mode: HostMode }): JSX.Element {
  const styles = useStyles();
  const { theme, name } = usePaneTheme(mode);
  const [openItems, setOpenItems] = useState<SectionId[]>(["register"]);
  const [loading, setLoading] = useState(mode === "excel");
  const [statusError, setStatusError] = useState<string | null>(null);

  const open = useCallback((id: SectionId) => {
    setOpenItems((items) => (items.includes(id) ? items : [...items, id]));
    // Move focus to the section the user asked for, so keyboard and screen-reader users land there.
    requestAnimationFrame(() => {
      const header = document.getElementById(`section-${id}`);
      header?.scrollIntoView({ block: "start" });
      header?.focus();
    });
  }, []);
  const session = usePaneSessionState(mode, open);
  const { setStatus, setFile } = session;

  const refresh = useCallback(
    async (target: { mode: HostMode; file: { name: string; bytes: Uint8Array } | null }) => {
      setLoading(true);
      setStatusError(null);
      try {
        const steps = await loadSteps();
        setStatus(await steps.readStatus(target, quiet()));
      } catch (error) {
        setStatusError(
          `The workbook could not be read (${error instanceof Error ? error.message : String(error)}). ${
            target.mode === "excel"
              ? "Finish editing any cell, then close and reopen the pane."
              : "Open it in Excel, save it as .xlsx, and open it here again."
          }`,
        );
      } finally {
        setLoading(false);
      }
    },
    [setStatus],
  );

  useEffect(() => {
    if (mode === "excel") void refresh({ mode, file: null });
  }, [mode, refresh]);

  function built(outcome: BuildOutcome, bytes: Uint8Array | null, name?: string): void {
    if (mode !== "file" || !bytes) {
      void refresh({ mode, file: null });
      return;
    }
    const next = { name: name ?? "register.xlsx", bytes };
    // An import into the open workbook keeps its Findings, Selection and other sheets: read the status.
    const into = name !== undefined;
    setFile(next, into ? undefined : statusFromBuild(outcome));
    if (into) void refresh({ mode, file: next });
  }

  /** File mode: carry on with a register workbook from a file; the current one stays if it cannot be read. */
  async function openFile(file: File): Promise<void> {
    const next = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    setLoading(true);
    setStatusError(null);
    try {
      const steps = await loadSteps();
      setFile(next, await steps.readStatus({ mode, file: next }, quiet()));
    } catch (error) {
      setStatusError(
        `The workbook could not be read (${error instanceof Error ? error.message : String(error)}). Open it in Excel, save it as .xlsx, and open it here again.`,
      );
    } finally {
      setLoading(false);
    }
  }

  const sections: { id: SectionId; title: string; body: JSX.Element }[] = [
    {
      id: "register",
      title: "Register",
      body: (
        <RegisterSection
          mode={mode}
          onBuilt={built}
          disabled={session.busy !== null}
          onOpen={(f) => void openFile(f)}
          register={mode === "file" ? session.file : null}
          hasRegister={session.status?.registerBuilt ?? false}
        />
      ),
    },
    {
      id: "validate",
      title: "Validate",
      body: (
        <Lazy>
          <ValidateSection />
        </Lazy>
      ),
    },
    {
      id: "prioritise",
      title: "Prioritise",
      body: (
        <Lazy>
          <PrioritiseSection />
        </Lazy>
      ),
    },
    {
      id: "capacity",
      title: "Capacity",
      body: (
        <Lazy>
          <CapacitySection />
        </Lazy>
      ),
    },
    {
      id: "health",
      title: "Schedule health",
      body: (
        <Lazy>
          <ScheduleHealthSection />
        </Lazy>
      ),
    },
    {
      id: "summary",
      title: "Summary",
      body: (
        <Lazy>
          <SummarySection />
        </Lazy>
      ),
    },
    {
      id: "settings",
      title: "Settings",
      body: (
        <Lazy>
          <SettingsSection />
        </Lazy>
      ),
    },
  ];

  return (
    <FluentProvider theme={theme} className={styles.root} data-theme={name}>
      <SessionProvider value={session}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-32.png" alt="" />
          <Text as="h1" size={500} weight="semibold" className={styles.title}>
            PMO Register
          </Text>
          <Badge appearance="tint" color={mode === "excel" ? "brand" : "informative"}>
            {mode === "excel" ? "This workbook" : "Files"}
          </Badge>
        </header>
        <StatusHeader summaryAvailable loading={loading} />
        {statusError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{statusError}</MessageBarBody>
          </MessageBar>
        )}
        <main>
          <Accordion
            multiple
            collapsible
            openItems={openItems}
            onToggle={(_, data) => setOpenItems(data.openItems as SectionId[])}
          >
            {sections.map((s) => (
              <AccordionItem value={s.id} key={s.id}>
                <AccordionHeader as="h2" button={{ id: `section-${s.id}` }}>
                  {s.title}
                </AccordionHeader>
                <AccordionPanel>{s.body}</AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </main>
      </SessionProvider>
    </FluentProvider>
  );
}
