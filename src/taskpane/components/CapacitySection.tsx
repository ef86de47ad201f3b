import { useState } from "react";
import {
  Button,
  Checkbox,
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
import type { CapacityView } from "../pane-steps";
import { useSession } from "../session";
import { loadSteps, useStep } from "../step-runner";
import { CapacityHeatMap } from "./CapacityHeatMap";
import { LevellingApply } from "./LevellingApply";
import { NeedsRegister } from "./NeedsRegister";
import { StepFeedback } from "./StepFeedback";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

const FAILURE = {
  title: "Capacity could not be planned",
  advice: "Check the Allocations and Resources sheets (role, FTE or hours, start and finish dates), then run again.",
};

const pct = (u: number | null): string => (u === null ? "no capacity" : `${Math.round(u * 100)} %`);

/** Capacity: demand against supply by role and month over a horizon, the overloads, and a levelling proposal. */
export default function CapacitySection(): JSX.Element {
  const styles = useStyles();
  const session = useSession();
  const [from, setFrom] = useState("");
  const [monthsText, setMonthsText] = useState("");
  const [scenario, setScenario] = useState<"all" | "selected">("all");
  const [level, setLevel] = useState(false);
  const step = useStep<CapacityView>({
    mode: session.mode,
    failure: FAILURE,
    exclusive: session.exclusive,
    name: "capacity",
  });
  const built = session.status?.registerBuilt ?? false;
  const running = session.busy !== null;
  const fromOk = from === "" || /^\d{4}-(0[1-9]|1[0-2])$/.test(from);
  const months = monthsText.trim() === "" ? undefined : Number(monthsText);
  const monthsOk = months === undefined || (Number.isInteger(months) && months >= 1 && months <= 120);
  const selected = session.lastSelection?.selected ?? null;

  async function run(): Promise<void> {
    await step.run(async (request) => {
      const steps = await loadSteps();
      const outcome = await steps.capacity({ mode: session.mode, file: session.file }, request, {
        from: from || undefined,
        months,
        selected: scenario === "selected" && selected ? selected : undefined,
        level,
        priority: session.lastSelection?.ranking,
      });
      session.changed({ status: outcome.status, bytes: outcome.bytes });
      return outcome.value;
    });
  }

  const view = step.state.kind === "done" ? step.state.value : null;
  const plan = view?.run.plan;
  const over = plan?.hotspots.filter((h) => h.band === "red" || h.band === "no capacity") ?? [];
  return (
    <div className={styles.root}>
      <Text>
        Adds up allocations by role and month, compares demand with supply, and shows where roles are over-committed.
        Results go to the Capacity (and Levelling) sheets.
      </Text>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label="First month"
          hint="YYYY-MM; blank: the first allocation."
          validationState={fromOk ? "none" : "error"}
          validationMessage={fromOk ? undefined : "Give a month as YYYY-MM."}
        >
          <Input value={from} placeholder="2025-04" disabled={running} onChange={(_, d) => setFrom(d.value.trim())} />
        </Field>
        <Field
          className={styles.grow}
          label="Months"
          hint="Blank: to the last allocation."
          validationState={monthsOk ? "none" : "error"}
          validationMessage={monthsOk ? undefined : "A whole number from 1 to 120."}
        >
          <Input
            value={monthsText}
            inputMode="numeric"
            disabled={running}
            onChange={(_, d) => setMonthsText(d.value)}
          />
        </Field>
      </div>
      <Field
        label="Projects"
        hint={selected ? undefined : "Run Prioritise with a selection to plan the selected portfolio."}
      >
        <Select
          value={scenario}
          disabled={running}
          onChange={(_, d) => setScenario(d.value === "selected" ? "selected" : "all")}
        >
          <option value="all">All projects</option>
          <option value="selected" disabled={!selected}>
            Selected portfolio{selected ? ` (${selected.length} projects)` : ""}
          </option>
        </Select>
      </Field>
      <Checkbox
        checked={level}
        disabled={running}
        onChange={(_, d) => setLevel(d.checked === true)}
        label="Propose start shifts that level the overload"
      />
      <div>
        {built ? (
          <Button appearance="primary" disabled={running || !fromOk || !monthsOk} onClick={() => void run()}>
            Plan capacity
          </Button>
        ) : (
          <NeedsRegister action="Plan capacity" />
        )}
      </div>
      <StepFeedback state={step.state} onCancel={step.cancel} />
      {view && plan && (
        <>
          <MessageBar intent={over.length > 0 ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {over.length > 0 ? `${over.length} over-allocated role-months` : "Demand fits supply"}
              </MessageBarTitle>
              {view.run.scenario}, {plan.months[0] ?? "—"} to {plan.months[plan.months.length - 1] ?? "—"},{" "}
              {Object.keys(plan.roles).length} roles. Total overload {plan.totalOverload.toFixed(1)} FTE-months.
              {view.written.length > 0 && ` Written to ${view.written.join(", ")}.`}
            </MessageBarBody>
          </MessageBar>
          <CapacityHeatMap plan={plan} />
          {over.length > 0 && (
            <ul className={styles.list} aria-label="Worst overloads">
              {over.slice(0, 6).map((h) => (
                <li key={`${h.role}:${h.month}`}>
                  <Text size={200}>
                    {h.role}, {h.month}: {h.demand.toFixed(1)} FTE needed, {h.supply.toFixed(1)} available (
                    {pct(h.utilisation)})
                    {h.topProjects.length > 0 &&
                      ` — mostly ${h.topProjects
                        .slice(0, 3)
                        .map((p) => p.id)
                        .join(", ")}`}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          {view.run.levelling && (
            <Text>
              Levelling: {view.run.levelling.shifts.length} start shift
              {view.run.levelling.shifts.length === 1 ? "" : "s"} proposed; overload{" "}
              {view.run.levelling.overloadBefore.toFixed(1)} → {view.run.levelling.overloadAfter.toFixed(1)} FTE-months
              (see the Levelling sheet; baseline dates are not changed).
            </Text>
          )}
          {view.run.levelling && (
            <LevellingApply
              key={view.run.levelling.shifts.map((s) => `${s.projectId}+${s.months}`).join(",")}
              shifts={view.run.levelling.shifts}
            />
          )}
          {plan.problems.slice(0, 4).map((p, i) => (
            <Text key={i} size={200} className={styles.muted}>
              {p.message}
            </Text>
          ))}
        </>
      )}
    </div>
  );
}
