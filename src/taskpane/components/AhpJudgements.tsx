import { useMemo, useState } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ahpWeights } from "../../analysis/prioritise/ahp";
import type { AhpMatrix, Settings } from "../../domain/settings";
import { useSession } from "../session";
import { loadSteps, useStep } from "../step-runner";
import { useWorkbookSettings } from "../use-workbook-settings";
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
  table: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse" },
  head: { fontWeight: tokens.fontWeightRegular, textAlign: "left", overflowWrap: "anywhere", paddingBottom: "4px" },
  rowHead: { fontWeight: tokens.fontWeightRegular, textAlign: "left", overflowWrap: "anywhere", paddingRight: "4px" },
  cell: { padding: "2px" },
  select: { minWidth: 0, width: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
  weights: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Saaty's scale as the pane offers it: how much more important the row's criterion is than the column's. */
const SCALE = ["9", "8", "7", "6", "5", "4", "3", "2", "1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/9"];
const valueOf = (s: string): number => (s.startsWith("1/") ? 1 / Number(s.slice(2)) : Number(s));
/** The scale entry nearest a stored judgement (on a log scale, so 0.33 reads as 1/3). */
function nearest(a: number): string {
  if (!Number.isFinite(a) || a <= 0) return "1";
  return SCALE.reduce((best, s) =>
    Math.abs(Math.log(valueOf(s) / a)) < Math.abs(Math.log(valueOf(best) / a)) ? s : best,
  );
}
/** Matrix layout up to this many criteria; more become a list of pairs (the pane is 320–450 px wide). */
const MATRIX_MAX = 4;

const key = (i: number, j: number) => `${i}:${j}`;

function fromSettings(settings: Settings): Record<string, string> {
  const names = settings.criteria.map((c) => c.name);
  const out: Record<string, string> = {};
  const stored = settings.ahp;
  names.forEach((a, i) =>
    names.forEach((b, j) => {
      if (j <= i) return;
      const ia = stored?.criteria.indexOf(a) ?? -1;
      const ib = stored?.criteria.indexOf(b) ?? -1;
      out[key(i, j)] = stored && ia >= 0 && ib >= 0 ? nearest(stored.matrix[ia][ib]) : "1";
    }),
  );
  return out;
}

function toMatrix(n: number, judgements: Record<string, string>): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      if (i === j) return 1;
      return i < j ? valueOf(judgements[key(i, j)] ?? "1") : 1 / valueOf(judgements[key(j, i)] ?? "1");
    }),
  );
}

/**
 * The AHP pairwise grid: one Saaty judgement per pair of criteria, with the weights and the
 * consistency ratio worked out live in the pane (no Excel round-trip), and "Save to PMO Settings"
 * so the AHP ranking (and the command line) use them.
 */
export function AhpJudgements(props: { disabled: boolean }): JSX.Element | null {
  const styles = useStyles();
  const session = useSession();
  const [criteria, setCriteria] = useState<string[] | null>(null);
  const [judgements, setJudgements] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const target = { mode: session.mode, file: session.file };
  const { load, available } = useWorkbookSettings("ahp-read", (read) => {
    setCriteria(read.settings.criteria.map((c) => c.name));
    setJudgements(fromSettings(read.settings));
    setDirty(false);
  });
  const save = useStep<string>({
    mode: session.mode,
    failure: { title: "The judgements could not be saved", advice: "Save again; the register was not changed." },
    exclusive: session.exclusive,
    name: "ahp-save",
  });

  const n = criteria?.length ?? 0;
  const result = useMemo(() => (n > 0 ? ahpWeights(toMatrix(n, judgements)) : null), [n, judgements]);

  if (!available) return null;
  if (!criteria || !result)
    return <StepFeedback state={load.state} onCancel={load.cancel} cancelledText="Cancelled." />;

  const set = (i: number, j: number, value: string) => {
    setJudgements((s) => ({ ...s, [key(i, j)]: value }));
    setDirty(true);
  };
  const question = (i: number, j: number) => `How much more important is ${criteria[i]} than ${criteria[j]}`;
  const select = (i: number, j: number, label?: string) => (
    <Select
      className={styles.select}
      aria-label={label}
      value={judgements[key(i, j)] ?? "1"}
      disabled={props.disabled}
      onChange={(_, d) => set(i, j, d.value)}
    >
      {SCALE.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </Select>
  );
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  const pair = result.mostInconsistentPair;

  async function store(): Promise<void> {
    const ahp: AhpMatrix = { criteria: [...criteria!], matrix: toMatrix(n, judgements) };
    await save.run(async (request) => {
      const steps = await loadSteps();
      const outcome = await steps.saveSettings(target, request, { ahp });
      session.changed({ bytes: outcome.bytes });
      setDirty(false);
      return "Judgements saved on PMO Settings. The AHP ranking uses them.";
    });
  }

  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Pairwise judgements</legend>
      <Text size={200} className={styles.muted}>
        9 = extremely more important, 7 very strongly, 5 strongly, 3 moderately, 1 equal; 1/3 … 1/9 the other way round.
      </Text>
      {n < 2 ? (
        <Text size={200}>AHP needs at least two criteria on PMO Settings.</Text>
      ) : n <= MATRIX_MAX ? (
        <table className={styles.table} aria-label="Pairwise judgements: how much more important the row is">
          <thead>
            <tr>
              <td />
              {criteria.slice(1).map((c) => (
                <th key={c} scope="col" className={styles.head}>
                  <Text size={200}>{c}</Text>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {criteria.slice(0, -1).map((row, i) => (
              <tr key={row}>
                <th scope="row" className={styles.rowHead}>
                  <Text size={200}>{row}</Text>
                </th>
                {criteria.slice(1).map((col, k) => {
                  const j = k + 1;
                  return (
                    <td key={col} className={styles.cell}>
                      {j > i && select(i, j, question(i, j))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        pairs.map(([i, j]) => (
          <Field key={key(i, j)} label={question(i, j)}>
            {select(i, j)}
          </Field>
        ))
      )}
      <ul className={styles.weights} aria-label="AHP weights">
        {criteria.map((c, i) => (
          <li key={c}>
            <Text size={200}>
              {c}: {(result.weights[i] * 100).toFixed(1)} %
            </Text>
          </li>
        ))}
      </ul>
      <Text size={200} role="status">
        Consistency ratio {result.cr.toFixed(3)}
        {n < 3 ? " (two criteria are always consistent)" : result.consistent ? " — consistent" : ""}
      </Text>
      {!result.consistent && n >= 3 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The judgements are inconsistent (CR over 0.10)</MessageBarTitle>
            {pair ? `Revisit ${criteria[pair[0]]} against ${criteria[pair[1]]} first.` : "Revisit the judgements."}
          </MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button disabled={props.disabled || n < 2} onClick={() => void store()}>
          Save to PMO Settings
        </Button>
      </div>
      <StepFeedback state={save.state} onCancel={save.cancel} />
      {save.state.kind === "done" && (
        <MessageBar intent={dirty ? "info" : "success"} layout="multiline">
          <MessageBarBody>{dirty ? "Changed since saved: save again to use these." : save.state.value}</MessageBarBody>
        </MessageBar>
      )}
    </fieldset>
  );
}
