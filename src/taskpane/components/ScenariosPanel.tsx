import { OWNED_SHEET } from "../../domain/owned-sheet-names";
import { useEffect, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SelectionResult } from "../../analysis/prioritise/selection-types";
import { scenarioNameProblem, selectionWorthSaving, type SavedScenario } from "../../domain/scenarios";
import type { SavedScenarioComparison, ScenarioSettings } from "../../pipeline/scenarios-use-case";
import { useSession } from "../session";
import { loadSteps, READ_ONLY_STEP, todayIso, useStep } from "../step-runner";
import { StepFeedback } from "./StepFeedback";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  fieldset: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, flexBasis: "120px", minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

const money = (n: number): string => n.toLocaleString("en-GB", { maximumFractionDigits: 0 });
const signed = (n: number, digits = 1): string => `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(digits)}`;
const signedMoney = (n: number): string => `${n >= 0 ? "+" : "−"}${money(Math.abs(n))}`;

/** Two scenarios side by side: objective, cost, which projects differ, and each role's largest change. */
function ComparisonView({ c }: { c: SavedScenarioComparison }): JSX.Element {
  const styles = useStyles();
  const roles = c.largestChanges.map((r) => `${r.role}: ${signed(r.delta)} FTE in ${r.month}`);
  return (
    <section className={styles.root} aria-label={`Scenario comparison: ${c.a} and ${c.b}`}>
      <Text>
        {c.saved.a.objective} {c.now.a.objective.toFixed(1)} → {c.now.b.objective.toFixed(1)} (
        {signed(c.objectiveDelta)}); cost {money(c.now.a.cost)} → {money(c.now.b.cost)} ({signedMoney(c.costDelta)}).
        Priced on the register as it is now.
      </Text>
      <Text size={200}>
        Only in {c.a}: {c.onlyInA.join(", ") || "none"}
      </Text>
      <Text size={200}>
        Only in {c.b}: {c.onlyInB.join(", ") || "none"}
      </Text>
      <Text size={200}>In both: {c.inBoth.length} projects</Text>
      {roles.length > 0 && (
        <ul className={styles.list} aria-label="Largest change in capacity use per role">
          {roles.map((r) => (
            <li key={r}>
              <Text size={200}>{r}</Text>
            </li>
          ))}
        </ul>
      )}
      {c.notes.map((n, i) => (
        <Text key={i} size={200} className={styles.muted}>
          {n}
        </Text>
      ))}
    </section>
  );
}

/**
 * Scenarios in the Prioritise section: save the selection just made under a name (with the
 * settings that produced it, on the Scenarios sheet) and compare two saved scenarios side by side.
 */
export function ScenariosPanel(props: {
  selection: SelectionResult | null;
  run: ScenarioSettings;
  disabled: boolean;
}): JSX.Element | null {
  const styles = useStyles();
  const session = useSession();
  const target = { mode: session.mode, file: session.file };
  const [saved, setSaved] = useState<SavedScenario[]>([]);
  const [name, setName] = useState("");
  const [pair, setPair] = useState<[string, string]>(["", ""]);
  const list = useStep<SavedScenario[]>({
    mode: session.mode,
    failure: { title: "The saved scenarios could not be read", advice: "Close and reopen this section to try again." },
    exclusive: READ_ONLY_STEP,
    name: "scenarios-read",
  });
  const save = useStep<string>({
    mode: session.mode,
    failure: { title: "The scenario could not be saved", advice: "Save again; the register was not changed." },
    exclusive: session.exclusive,
    name: "scenario-save",
  });
  const compare = useStep<SavedScenarioComparison>({
    mode: session.mode,
    failure: { title: "The scenarios could not be compared", advice: "Choose two saved scenarios and compare again." },
    exclusive: READ_ONLY_STEP,
    name: "scenarios-compare",
  });

  function show(scenarios: SavedScenario[]): void {
    setSaved(scenarios);
    const names = scenarios.map((s) => s.name);
    setPair(([a, b]) => [
      names.includes(a) ? a : (names[0] ?? ""),
      names.includes(b) && b !== a ? b : (names.find((n) => n !== (names.includes(a) ? a : names[0])) ?? ""),
    ]);
  }

  useEffect(() => {
    void list.run(async (request) => {
      const steps = await loadSteps();
      const read = await steps.listScenarios(target, request);
      show(read.scenarios);
      return read.scenarios;
    });
    // Read once per workbook, like the settings.
  }, [session.file?.name]);

  const problem = scenarioNameProblem(name);
  async function store(): Promise<void> {
    if (problem || !props.selection) return;
    const selection = props.selection;
    await save.run(async (request) => {
      const steps = await loadSteps();
      const outcome = await steps.saveScenario(target, request, {
        name,
        selection,
        run: props.run,
        today: todayIso(),
      });
      session.changed({ bytes: outcome.bytes });
      show(outcome.value.scenarios);
      return `Saved “${name.trim()}” on the ${outcome.value.written[0] ?? OWNED_SHEET.scenarios} sheet${outcome.value.replaced ? ", replacing the scenario of that name" : ""}.`;
    });
  }

  async function sideBySide(): Promise<void> {
    const [a, b] = pair;
    await compare.run(async (request) => {
      const steps = await loadSteps();
      return steps.compareScenarios(target, request, a, b);
    });
  }

  const canCompare = saved.length >= 2 && pair[0] !== "" && pair[1] !== "" && pair[0] !== pair[1];
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Scenarios</legend>
      {props.selection && selectionWorthSaving(props.selection) && (
        <div className={styles.stack}>
          <Field
            label="Save this selection as"
            validationState={name !== "" && problem ? "error" : "none"}
            validationMessage={name !== "" && problem ? problem : undefined}
          >
            <Input value={name} disabled={props.disabled} onChange={(_, d) => setName(d.value)} />
          </Field>
          <div>
            <Button disabled={props.disabled || problem !== null} onClick={() => void store()}>
              Save scenario
            </Button>
          </div>
        </div>
      )}
      <StepFeedback state={save.state} onCancel={save.cancel} cancelledText="Cancelled. The scenario was not saved." />
      {save.state.kind === "done" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{save.state.value}</MessageBarBody>
        </MessageBar>
      )}
      <StepFeedback state={list.state} onCancel={list.cancel} cancelledText="Cancelled." />
      {saved.length === 0 && list.state.kind !== "running" && (
        <Text size={200} className={styles.muted}>
          No scenario saved yet. Run a selection, then save it under a name to compare it with another later.
        </Text>
      )}
      {saved.length > 0 && (
        <ul className={styles.list} aria-label="Saved scenarios">
          {saved.map((s) => (
            <li key={s.name}>
              <Text size={200}>
                {s.name}: {s.selected.length} projects, {s.objective} {s.objectiveValue.toFixed(1)}, cost{" "}
                {money(s.cost)} ({s.status}, saved {s.savedOn})
              </Text>
            </li>
          ))}
        </ul>
      )}
      {saved.length >= 2 && (
        <>
          <div className={styles.row}>
            {(["Compare", "with"] as const).map((label, k) => (
              <Field key={label} className={styles.grow} label={label}>
                <Select
                  className={styles.select}
                  value={pair[k]}
                  disabled={props.disabled}
                  onChange={(_, d) => setPair((p) => (k === 0 ? [d.value, p[1]] : [p[0], d.value]))}
                >
                  {saved.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          <div>
            <Button disabled={props.disabled || !canCompare} onClick={() => void sideBySide()}>
              Compare side by side
            </Button>
          </div>
          <StepFeedback state={compare.state} onCancel={compare.cancel} cancelledText="Cancelled." />
          {compare.state.kind === "done" && <ComparisonView c={compare.state.value} />}
        </>
      )}
    </fieldset>
  );
}
