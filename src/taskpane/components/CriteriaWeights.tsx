import { useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Criterion } from "../../domain/settings";
import { useSession } from "../session";
import { loadSteps, useStep } from "../step-runner";
import { useWorkbookSettings } from "../use-workbook-settings";
import { parseWeights } from "../weights-form";
import { StepFeedback } from "./StepFeedback";

const useStyles = makeStyles({
  fieldset: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  // One criterion per row: the hint (direction and share) needs the pane's width at 320 px.
  grid: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The weighted-scoring criteria's weights, editable where the ranking is run: each criterion's
 * share of the score is shown live (weights that do not sum to 1 are normalised, as the ranking
 * does), and "Save weights" stores them on PMO Settings for the ranking and the command line.
 */
export function CriteriaWeights(props: { disabled: boolean }): JSX.Element | null {
  const styles = useStyles();
  const session = useSession();
  const [criteria, setCriteria] = useState<Criterion[] | null>(null);
  const [typed, setTyped] = useState<Record<string, string>>({});
  // The weights as read (or last saved): only criteria changed from these are saved, so a weight
  // changed elsewhere since (the Settings section, by hand) is not put back.
  const [loaded, setLoaded] = useState<Record<string, number>>({});
  const [dirty, setDirty] = useState(false);
  const target = { mode: session.mode, file: session.file };
  const { load, available } = useWorkbookSettings("weights-read", (read) => {
    setCriteria(read.settings.criteria);
    setTyped(Object.fromEntries(read.settings.criteria.map((c) => [c.name, String(c.weight)])));
    setLoaded(Object.fromEntries(read.settings.criteria.map((c) => [c.name, c.weight])));
    setDirty(false);
  });
  const save = useStep<string>({
    mode: session.mode,
    failure: { title: "The weights could not be saved", advice: "Save again; the register was not changed." },
    exclusive: session.exclusive,
    name: "weights-save",
  });

  if (!available) return null;
  if (!criteria) return <StepFeedback state={load.state} onCancel={load.cancel} cancelledText="Cancelled." />;
  if (criteria.length === 0) return <Text size={200}>PMO Settings lists no criteria.</Text>;

  const checked = parseWeights(typed);
  const share = (name: string): string =>
    checked.problems.length === 0 ? `${((checked.weights[name] / checked.total) * 100).toFixed(1)} % of the score` : "";

  async function store(): Promise<void> {
    if (checked.problems.length > 0) return;
    const changed = Object.fromEntries(Object.entries(checked.weights).filter(([name, w]) => loaded[name] !== w));
    await save.run(async (request) => {
      const steps = await loadSteps();
      const outcome = await steps.saveSettings(target, request, { criteriaWeights: changed });
      session.changed({ bytes: outcome.bytes });
      setLoaded(Object.fromEntries(outcome.value.settings.criteria.map((c) => [c.name, c.weight])));
      setDirty(false);
      return "Weights saved on PMO Settings. The next ranking uses them.";
    });
  }

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Criteria weights</legend>
      <div className={styles.grid}>
        {criteria.map((c) => (
          <Field
            key={c.name}
            label={c.name}
            hint={`${c.direction === "cost" ? "Lower is better" : "Higher is better"}. ${share(c.name)}`}
          >
            <Input
              value={typed[c.name] ?? ""}
              inputMode="decimal"
              disabled={props.disabled}
              onChange={(_, d) => {
                setTyped((t) => ({ ...t, [c.name]: d.value }));
                setDirty(true);
              }}
            />
          </Field>
        ))}
      </div>
      {checked.problems.length === 0 && Math.abs(checked.total - 1) > 1e-9 && (
        <Text size={200} className={styles.muted} role="status">
          The weights sum to {Number(checked.total.toPrecision(6))}; each counts as its share shown.
        </Text>
      )}
      {checked.problems.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{checked.problems.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button disabled={props.disabled || checked.problems.length > 0} onClick={() => void store()}>
          Save weights
        </Button>
      </div>
      <StepFeedback state={save.state} onCancel={save.cancel} />
      {dirty ? (
        <Text size={200} role="status">
          Not saved yet: the ranking uses the weights on PMO Settings until you save these.
        </Text>
      ) : (
        save.state.kind === "done" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{save.state.value}</MessageBarBody>
          </MessageBar>
        )
      )}
    </fieldset>
  );
}
