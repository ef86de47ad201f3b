import { useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FixChange } from "../../standards/safe-fixes";
import type { Profile } from "../../domain/settings";
import type { ValidateView } from "../pane-steps";
import { useSession } from "../session";
import { loadSteps, todayIso, useStep } from "../step-runner";
import { FindingsList } from "./FindingsList";
import { NeedsRegister } from "./NeedsRegister";
import { SafeFixes } from "./SafeFixes";
import { StepFeedback } from "./StepFeedback";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

const FAILURE = {
  title: "The register could not be checked",
  advice: "Check that the register sheets (Projects and the others) are still there, then check again.",
};

const SOURCE: Record<string, string> = {
  override: "given here",
  settings: "from PMO Settings",
  register: "the latest status date in the register",
  today: "today",
  none: "none, so date checks were skipped",
};

/** Validate: the standards of PMO Settings (or a profile and date for this run), findings by severity, safe fixes. */
export default function ValidateSection(): JSX.Element {
  const styles = useStyles();
  const session = useSession();
  const [profile, setProfile] = useState<Profile | "">("");
  const [reportingDate, setReportingDate] = useState("");
  const [applied, setApplied] = useState<{ applied: number; skipped: string[] } | null>(null);
  const step = useStep<ValidateView>({
    mode: session.mode,
    failure: FAILURE,
    exclusive: session.exclusive,
    name: "validate",
  });
  const fixStep = useStep<{ applied: FixChange[]; skipped: { reason: string }[] }>({
    mode: session.mode,
    failure: { title: "The fixes could not be written", advice: "Check again, then apply the fixes that remain." },
    exclusive: session.exclusive,
    name: "fixes",
  });
  const built = session.status?.registerBuilt ?? false;
  const target = { mode: session.mode, file: session.file };
  const dateOk = reportingDate === "" || /^\d{4}-\d{2}-\d{2}$/.test(reportingDate);

  async function check(): Promise<void> {
    await step.run(async (request) => {
      const steps = await loadSteps();
      const outcome = await steps.validate(target, request, {
        profile: profile || undefined,
        reportingDate: reportingDate || undefined,
        today: todayIso(),
      });
      session.changed({ status: outcome.status, bytes: outcome.bytes });
      return outcome.value;
    });
  }

  async function applyFixes(fixes: FixChange[]): Promise<void> {
    setApplied(null);
    const result = await fixStep.run(async (request) => {
      const steps = await loadSteps();
      const outcome = await steps.applyFixes(target, request, fixes);
      session.changed({ bytes: outcome.bytes });
      return outcome.value;
    });
    if (result) {
      setApplied({ applied: result.applied.length, skipped: result.skipped.map((s) => s.reason) });
      // Validation re-reads the current cells, so the list shows what remains after the fixes.
      if (result.applied.length > 0) await check();
    }
  }

  const running = session.busy !== null;
  const view = step.state.kind === "done" ? step.state.value : null;
  return (
    <div className={styles.root}>
      <Text>
        Checks every record against the PMO profile&apos;s rules and lists each finding with the cell to fix. The
        findings are also written to the Findings sheet.
      </Text>
      <Field label="PMO profile" hint="Blank uses the profile on PMO Settings.">
        <Select value={profile} disabled={running} onChange={(_, d) => setProfile(d.value as Profile | "")}>
          <option value="">As in PMO Settings</option>
          <option value="supportive">Supportive (advises)</option>
          <option value="controlling">Controlling (enforces standards)</option>
          <option value="directive">Directive (runs delivery)</option>
        </Select>
      </Field>
      <Field
        label="Reporting date"
        hint="Blank: PMO Settings, else the latest status date in the register."
        validationState={dateOk ? "none" : "error"}
        validationMessage={dateOk ? undefined : "Give a date as YYYY-MM-DD, or leave it blank."}
      >
        <Input type="date" value={reportingDate} disabled={running} onChange={(_, d) => setReportingDate(d.value)} />
      </Field>
      <div className={styles.actions}>
        {built ? (
          <Button appearance="primary" disabled={running || !dateOk} onClick={() => void check()}>
            Check against PMO standards
          </Button>
        ) : (
          <NeedsRegister action="Check against PMO standards" />
        )}
      </div>
      <StepFeedback state={step.state} onCancel={step.cancel} />
      <StepFeedback state={fixStep.state} onCancel={fixStep.cancel} cancelledText="Cancelled. No fix was written." />
      {applied && (
        <MessageBar intent={applied.skipped.length > 0 ? "warning" : "success"} layout="multiline">
          <MessageBarBody>
            {applied.applied} fix{applied.applied === 1 ? "" : "es"} written to the register tables.
            {applied.skipped.length > 0 &&
              ` ${applied.skipped.length} left alone: ${applied.skipped.slice(0, 3).join(" ")}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {view && (
        <>
          <MessageBar
            intent={view.result.counts.error > 0 ? "error" : view.result.counts.warning > 0 ? "warning" : "success"}
            layout="multiline"
          >
            <MessageBarBody>
              <MessageBarTitle>
                {view.result.stamp ? "Not compliant" : view.result.findings.length === 0 ? "No findings" : "Checked"}
              </MessageBarTitle>
              Data-quality score {(view.result.score.portfolio * 100).toFixed(1)} %. {view.result.counts.error} errors,{" "}
              {view.result.counts.warning} warnings, {view.result.counts.info} notes. Profile {view.result.profile},
              reporting date {view.result.reportingDate ?? "none"} ({SOURCE[view.result.reportingDateSource]}).
              {view.written.length > 0 && ` Written to ${view.written.join(", ")}.`}
              {view.result.stamp && " Errors remain under the directive profile, so outputs are stamped not compliant."}
            </MessageBarBody>
          </MessageBar>
          {[...view.warnings, ...view.settingsProblems.map((p) => `PMO Settings ${p.cell ?? ""}: ${p.message}`)].map(
            (w, i) => (
              <MessageBar key={i} intent="warning" layout="multiline">
                <MessageBarBody>{w}</MessageBarBody>
              </MessageBar>
            ),
          )}
          <SafeFixes fixes={view.fixes} disabled={running} onApply={(f) => void applyFixes(f)} />
          <FindingsList findings={view.findings} mode={session.mode} />
        </>
      )}
    </div>
  );
}
