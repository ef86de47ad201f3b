import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { downloadBytes } from "../download";
import type { SummaryAction, SummaryView } from "../pane-steps";
import { useSession } from "../session";
import { loadSteps, todayIso, useStep } from "../step-runner";
import { NeedsRegister } from "./NeedsRegister";
import { StepFeedback } from "./StepFeedback";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const FAILURE = {
  title: "The summary could not be produced",
  advice: "Check the register's findings (Validate) and the criteria on PMO Settings, then try again.",
};

/** Summary: every analysis and the management summary, into this workbook, as a new workbook, or as a download. */
export default function SummarySection(): JSX.Element {
  const styles = useStyles();
  const session = useSession();
  const step = useStep<SummaryView>({
    mode: session.mode,
    failure: FAILURE,
    exclusive: session.exclusive,
    name: "summary",
  });
  const built = session.status?.registerBuilt ?? false;
  const running = session.busy !== null;

  async function run(action: SummaryAction): Promise<void> {
    await step.run(async (request) => {
      const steps = await loadSteps();
      const outcome = await steps.summary({ mode: session.mode, file: session.file }, request, {
        today: todayIso(),
        action,
      });
      session.changed({ status: outcome.status, bytes: outcome.bytes, summary: true });
      return outcome.value;
    });
  }

  const view = step.state.kind === "done" ? step.state.value : null;
  return (
    <div className={styles.root}>
      <Text>
        Runs every analysis again on the current cells and writes the management summary: cover, dashboard with charts,
        a page per programme, and the ranking, capacity, schedule, finance and findings sheets.
      </Text>
      <div className={styles.actions}>
        {!built ? (
          <NeedsRegister action="Write the management summary" />
        ) : session.mode === "excel" ? (
          <>
            <Button appearance="primary" disabled={running} onClick={() => void run("write")}>
              Write the summary into this workbook
            </Button>
            <Button disabled={running} onClick={() => void run("new-workbook")}>
              Open as a new workbook
            </Button>
          </>
        ) : (
          <Button appearance="primary" disabled={running} onClick={() => void run("download")}>
            Make summary.xlsx
          </Button>
        )}
      </div>
      <StepFeedback state={step.state} onCancel={step.cancel} />
      {view && (
        <>
          <MessageBar intent={view.compliance.stamp ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {view.action === "write"
                  ? "Summary written"
                  : view.action === "new-workbook"
                    ? "Summary opened as a new workbook"
                    : "Summary ready"}
              </MessageBarTitle>
              {view.action === "write" && `Sheets: ${view.written.join(", ")}.`}
              {view.action === "download" && "Save it with Download summary.xlsx."}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.line}>
            <Text weight="semibold">Compliance</Text>
            <Badge
              appearance="tint"
              color={view.compliance.stamp ? "danger" : view.compliance.compliant ? "success" : "warning"}
            >
              {view.compliance.stamp ? "not compliant" : view.compliance.compliant ? "compliant" : "errors remain"}
            </Badge>
            <Text size={200}>
              {view.compliance.profile} profile, {view.compliance.counts.error} errors, {view.compliance.counts.warning}{" "}
              warnings
            </Text>
          </div>
          {view.summaryBytes && (
            <div>
              <Button onClick={() => downloadBytes(view.summaryBytes as Uint8Array, "summary.xlsx")}>
                Download summary.xlsx
              </Button>
            </div>
          )}
          {[...view.warnings, ...view.notes].slice(0, 6).map((n, i) => (
            <Text key={i} size={200} className={styles.muted}>
              {n}
            </Text>
          ))}
        </>
      )}
    </div>
  );
}
