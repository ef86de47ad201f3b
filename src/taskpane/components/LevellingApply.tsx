import { useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CapacityView } from "../pane-steps";
import { useSession } from "../session";
import { loadSteps, useStep } from "../step-runner";
import { StepFeedback } from "./StepFeedback";

type Shifts = NonNullable<CapacityView["run"]["levelling"]>["shifts"];
type Changes = Awaited<ReturnType<Awaited<ReturnType<typeof loadSteps>>["applyLevelling"]>>["value"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const FAILURE = {
  title: "The shifts could not be applied",
  advice: "Plan capacity again with levelling, then apply. The register was not changed.",
};

/**
 * "Apply shifts": lists every date the proposal changes in the register (forecast, allocation and
 * coming milestones' forecast dates; baselines stay) and writes them only after the user confirms. The next capacity run
 * then plans with the moved dates.
 */
export function LevellingApply(props: { shifts: Shifts }): JSX.Element | null {
  const styles = useStyles();
  const session = useSession();
  const [preview, setPreview] = useState<Changes | null>(null);
  const [applied, setApplied] = useState<Changes | null>(null);
  const step = useStep<Changes>({
    mode: session.mode,
    failure: FAILURE,
    exclusive: session.exclusive,
    name: "apply-levelling",
  });
  const running = session.busy !== null;
  const target = { mode: session.mode, file: session.file };
  if (props.shifts.length === 0) return null;

  async function review(): Promise<void> {
    setApplied(null);
    const value = await step.run(async (request) => {
      const steps = await loadSteps();
      return (await steps.applyLevelling(target, request, props.shifts, true)).value;
    });
    setPreview(value);
    if (value) step.setState({ kind: "idle" });
  }

  async function apply(): Promise<void> {
    setPreview(null);
    const value = await step.run(async (request) => {
      const steps = await loadSteps();
      const outcome = await steps.applyLevelling(target, request, props.shifts, false);
      session.changed({ bytes: outcome.bytes });
      return outcome.value;
    });
    setApplied(value);
  }

  const n = preview?.changes.length ?? 0;
  return (
    <div className={styles.root}>
      {!preview && (
        <div className={styles.actions}>
          <Button disabled={running} onClick={() => void review()}>
            Apply shifts…
          </Button>
        </div>
      )}
      {preview && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.root}>
            <MessageBarTitle>
              {n} date{n === 1 ? "" : "s"} to move in the register tables
            </MessageBarTitle>
            <ul className={styles.list} aria-label="Dates to move">
              {preview.changes.slice(0, 100).map((c) => (
                <li key={`${c.entity}:${c.index}:${c.field}`}>
                  <Text size={200}>
                    {c.entity === "Projects"
                      ? c.id
                      : `${c.projectId} ${c.entity === "Milestones" ? "milestone" : "allocation"} ${c.id}`}{" "}
                    {c.field}: {c.from ?? "(blank)"} → {c.to}
                  </Text>
                </li>
              ))}
              {n > 100 && (
                <li>
                  <Text size={200}>… and {n - 100} more.</Text>
                </li>
              )}
              {preview.skipped.map((s) => (
                <li key={`skip:${s.projectId}`}>
                  <Text size={200}>Not moved: {s.reason}</Text>
                </li>
              ))}
            </ul>
            <Text size={200}>
              Baseline dates are not changed. Milestones already achieved, cancelled or with an actual date stay.
            </Text>
            <div className={styles.actions}>
              <Button appearance="primary" disabled={running || n === 0} onClick={() => void apply()}>
                Move {n} date{n === 1 ? "" : "s"}
              </Button>
              <Button onClick={() => setPreview(null)}>Not now</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <StepFeedback state={step.state.kind === "done" ? { kind: "idle" } : step.state} onCancel={step.cancel} />
      {applied && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            Shifts applied: {applied.changes.length} date{applied.changes.length === 1 ? "" : "s"} moved
            {applied.skipped.length > 0 ? `, ${applied.skipped.length} project(s) left as they were` : ""}. Plan
            capacity again to see the levelled plan.
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
