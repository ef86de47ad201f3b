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
import type { Settings, SettingsProblem } from "../../domain/settings";
import type { SettingsEdits } from "../pane-steps";
import { useSession } from "../session";
import { loadSteps, useStep } from "../step-runner";
import { useWorkbookSettings } from "../use-workbook-settings";
import { parseWeights } from "../weights-form";
import { StepFeedback } from "./StepFeedback";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  fieldset: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
});

/** Thresholds edited here; fractions are shown and typed as percentages. */
const NUMBERS = [
  { key: "staleStatusDays", label: "Status stale after (days)", percent: false },
  { key: "costAmberPct", label: "Cost amber above (% over)", percent: true },
  { key: "costRedPct", label: "Cost red above (% over)", percent: true },
  { key: "scheduleAmberDays", label: "Schedule amber (days slip)", percent: false },
  { key: "scheduleRedDays", label: "Schedule red (days slip)", percent: false },
  { key: "utilisationAmber", label: "Utilisation amber (%)", percent: true },
  { key: "utilisationRed", label: "Utilisation red (%)", percent: true },
] as const;
type NumberKey = (typeof NUMBERS)[number]["key"];

interface Form {
  profile: string;
  reportingDate: string;
  numbers: Record<NumberKey, string>;
  weights: Record<string, string>;
}

function toForm(s: Settings): Form {
  const numbers = {} as Record<NumberKey, string>;
  for (const n of NUMBERS) {
    const v = s.general[n.key] as number;
    numbers[n.key] = String(n.percent ? Math.round(v * 10000) / 100 : v);
  }
  return {
    profile: s.general.profile,
    reportingDate: s.general.reportingDate ?? "",
    numbers,
    weights: Object.fromEntries(s.criteria.map((c) => [c.name, String(c.weight)])),
  };
}

function toEdits(form: Form): { edits: SettingsEdits; problems: string[] } {
  const problems: string[] = [];
  const general: Record<string, unknown> = { profile: form.profile, reportingDate: form.reportingDate || null };
  if (form.reportingDate && !/^\d{4}-\d{2}-\d{2}$/.test(form.reportingDate))
    problems.push("Reporting date: give a date, or leave it blank.");
  for (const n of NUMBERS) {
    const v = Number(form.numbers[n.key].replace(",", "."));
    if (form.numbers[n.key].trim() === "" || !Number.isFinite(v) || v < 0)
      problems.push(`${n.label}: give a number of zero or more.`);
    else general[n.key] = n.percent ? v / 100 : v;
  }
  const weights = parseWeights(form.weights);
  problems.push(...weights.problems);
  return { edits: { general: general as SettingsEdits["general"], criteriaWeights: weights.weights }, problems };
}

/** Settings: profile, reporting date, thresholds and criteria weights, stored on the PMO Settings sheet. */
export default function SettingsSection(): JSX.Element {
  const styles = useStyles();
  const session = useSession();
  const [form, setForm] = useState<Form | null>(null);
  const [sheetProblems, setSheetProblems] = useState<SettingsProblem[]>([]);
  const [found, setFound] = useState(true);
  const { load, available } = useWorkbookSettings("settings-read", (read) => {
    setForm(toForm(read.settings));
    setSheetProblems(read.problems);
    setFound(read.found);
  });
  const save = useStep<string>({
    mode: session.mode,
    failure: { title: "The settings could not be saved", advice: "Check the values, then save again." },
    exclusive: session.exclusive,
    name: "settings-save",
  });
  const target = { mode: session.mode, file: session.file };

  if (!available) return <Text>Build the register first: the settings are stored on its PMO Settings sheet.</Text>;

  const checked = form ? toEdits(form) : null;
  const running = session.busy !== null;
  const setNumber = (key: NumberKey, value: string) =>
    setForm((f) => (f ? { ...f, numbers: { ...f.numbers, [key]: value } } : f));

  async function store(): Promise<void> {
    if (!checked || checked.problems.length > 0) return;
    await save.run(async (request) => {
      const steps = await loadSteps();
      const outcome = await steps.saveSettings(target, request, checked.edits);
      session.changed({ bytes: outcome.bytes });
      setSheetProblems([]);
      setFound(true);
      return outcome.value.replaced.length > 0
        ? `Saved on PMO Settings. ${outcome.value.replaced.length} entr${outcome.value.replaced.length === 1 ? "y that had a problem was" : "ies that had problems were"} replaced by the values in use.`
        : "Saved on PMO Settings. The next check, ranking and capacity run use them.";
    });
  }

  return (
    <div className={styles.root}>
      <Text>Stored on the PMO Settings sheet, so the command line and colleagues use the same rules.</Text>
      <StepFeedback state={load.state} onCancel={load.cancel} cancelledText="Cancelled." />
      {!found && (
        <Text size={200}>
          This workbook has no PMO Settings sheet yet; the defaults are shown and saving creates it.
        </Text>
      )}
      {sheetProblems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>PMO Settings has problems</MessageBarTitle>
            {sheetProblems
              .slice(0, 4)
              .map((p) => `${p.cell ?? p.group}: ${p.message}`)
              .join(" ")}{" "}
            Saving here replaces those entries with the values shown.
          </MessageBarBody>
        </MessageBar>
      )}
      {form && checked && (
        <>
          <Field label="PMO profile">
            <Select value={form.profile} disabled={running} onChange={(_, d) => setForm({ ...form, profile: d.value })}>
              <option value="supportive">Supportive</option>
              <option value="controlling">Controlling</option>
              <option value="directive">Directive</option>
            </Select>
          </Field>
          <Field label="Reporting date" hint="Blank: the latest status date in the register.">
            <Input
              type="date"
              value={form.reportingDate}
              disabled={running}
              onChange={(_, d) => setForm({ ...form, reportingDate: d.value })}
            />
          </Field>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>Thresholds</legend>
            <div className={styles.grid}>
              {NUMBERS.map((n) => (
                <Field key={n.key} label={n.label}>
                  <Input
                    value={form.numbers[n.key]}
                    inputMode="decimal"
                    disabled={running}
                    onChange={(_, d) => setNumber(n.key, d.value)}
                  />
                </Field>
              ))}
            </div>
          </fieldset>
          {Object.keys(form.weights).length > 0 && (
            <fieldset className={styles.fieldset}>
              <legend className={styles.legend}>Criteria weights</legend>
              <div className={styles.grid}>
                {Object.entries(form.weights).map(([name, value]) => (
                  <Field key={name} label={name}>
                    <Input
                      value={value}
                      inputMode="decimal"
                      disabled={running}
                      onChange={(_, d) => setForm({ ...form, weights: { ...form.weights, [name]: d.value } })}
                    />
                  </Field>
                ))}
              </div>
            </fieldset>
          )}
          {checked.problems.length > 0 && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{checked.problems.join(" ")}</MessageBarBody>
            </MessageBar>
          )}
          <div>
            <Button appearance="primary" disabled={running || checked.problems.length > 0} onClick={() => void store()}>
              Save settings
            </Button>
          </div>
          <StepFeedback
            state={save.state}
            onCancel={save.cancel}
            cancelledText="Cancelled. The settings were not saved."
          />
          {save.state.kind === "done" && (
            <MessageBar intent="success">
              <MessageBarBody>{save.state.value}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </div>
  );
}
