import { useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PrioritisationMethod as Method } from "../../pipeline/prioritise-use-case";
import type { PrioritiseView } from "../pane-steps";
import { useSession } from "../session";
import { loadSteps, useStep } from "../step-runner";
import { AhpJudgements } from "./AhpJudgements";
import { CriteriaWeights } from "./CriteriaWeights";
import { ScenariosPanel } from "./ScenariosPanel";
import { NeedsRegister } from "./NeedsRegister";
import { SelectionResultView } from "./SelectionResultView";
import { StepFeedback } from "./StepFeedback";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
  },
  ranking: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL },
  muted: { color: tokens.colorNeutralForeground3 },
  stopRow: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
});

const FAILURE = {
  title: "The portfolio could not be prioritised",
  advice:
    "Check the criteria on PMO Settings (each names a Projects column with numbers), then run again. Your register was not changed.",
};

/** Parses the budget box: blank = the programmes' envelopes; otherwise a non-negative amount. */
function parseBudget(text: string): number | undefined | "bad" {
  const t = text.replace(/[,\s£$€]/g, "");
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : "bad";
}

/** Prioritise: rank by weighted scoring, AHP or WSJF; optionally choose the best portfolio exactly (in a Web Worker). */
export default function PrioritiseSection(): JSX.Element {
  const styles = useStyles();
  const session = useSession();
  const [method, setMethod] = useState<Method>("weighted");
  const [select, setSelect] = useState(true);
  const [budgetText, setBudgetText] = useState("");
  const step = useStep<PrioritiseView>({
    mode: session.mode,
    failure: FAILURE,
    exclusive: session.exclusive,
    name: "prioritise",
  });
  const built = session.status?.registerBuilt ?? false;
  const budget = parseBudget(budgetText);
  const running = session.busy !== null;
  // "Stop and keep the best so far" ends the solve but still writes; Cancel (in the progress) discards.
  const stopper = useRef<AbortController | null>(null);
  const [stopping, setStopping] = useState(false);
  // Stop is offered once the solver is at work: before that there is no selection to keep.
  const selecting =
    step.state.kind === "running" && select && (step.state.event?.stage.startsWith("Selecting the portfolio") ?? false);

  function stopSelection(): void {
    stopper.current?.abort();
    setStopping(true);
  }

  async function run(): Promise<void> {
    if (budget === "bad") return;
    const stop = new AbortController();
    stopper.current = stop;
    setStopping(false);
    await step.run(async (request) => {
      const steps = await loadSteps();
      const outcome = await steps.prioritise({ mode: session.mode, file: session.file }, request, {
        method,
        select,
        budget,
        stopSelection: stop.signal,
      });
      session.changed({ status: outcome.status, bytes: outcome.bytes });
      session.setLastSelection({
        selected: outcome.value.run.selection?.selected ?? null,
        ranking: outcome.value.run.ranking.ranking.map((r) => r.id),
      });
      return outcome.value;
    });
  }

  const view = step.state.kind === "done" ? step.state.value : null;
  const top = view?.run.ranking.ranking.slice(0, 10) ?? [];
  return (
    <div className={styles.root}>
      <Text>
        Ranks projects against the criteria on PMO Settings and can choose the best set of projects that fits the budget
        and capacity. Results go to the Prioritisation and Selection sheets.
      </Text>
      <Field label="Method">
        <Select value={method} disabled={running} onChange={(_, d) => setMethod(d.value as Method)}>
          <option value="weighted">Weighted scoring</option>
          <option value="ahp">AHP (pairwise judgements)</option>
          <option value="wsjf">WSJF (cost of delay ÷ size)</option>
        </Select>
      </Field>
      {method === "weighted" && <CriteriaWeights disabled={running} />}
      {method === "ahp" && <AhpJudgements disabled={running} />}
      <Checkbox
        checked={select}
        disabled={running}
        onChange={(_, d) => setSelect(d.checked === true)}
        label="Choose the best portfolio (exact, within budget and capacity)"
      />
      <Field
        label="Budget"
        hint="Blank: the programmes' budget envelopes, else no limit."
        validationState={budget === "bad" ? "error" : "none"}
        validationMessage={budget === "bad" ? "Give an amount of zero or more, or leave it blank." : undefined}
      >
        <Input
          value={budgetText}
          inputMode="decimal"
          disabled={running || !select}
          onChange={(_, d) => setBudgetText(d.value)}
        />
      </Field>
      <div>
        {built ? (
          <Button appearance="primary" disabled={running || budget === "bad"} onClick={() => void run()}>
            {select ? "Rank and select" : "Rank the portfolio"}
          </Button>
        ) : (
          <NeedsRegister action="Rank the portfolio" />
        )}
      </div>
      <StepFeedback state={step.state} onCancel={step.cancel} />
      {selecting && (
        <div className={styles.stopRow}>
          <Text size={200} className={styles.muted}>
            Cancel writes nothing; Stop ends the search and writes the best selection found so far.
          </Text>
          <Button
            appearance="secondary"
            disabled={stopping || (step.state.kind === "running" && step.state.cancelling)}
            onClick={stopSelection}
          >
            {stopping ? "Stopping…" : "Stop and keep the best so far"}
          </Button>
        </div>
      )}
      {view && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              Ranked {view.run.ranking.ranking.length} projects ({view.run.method}).
              {view.run.ahp &&
                ` AHP consistency ratio ${view.run.ahp.cr.toFixed(3)}${view.run.ahp.consistent ? "" : " — over 0.10, revisit the judgements"}.`}
              {view.written.length > 0 && ` Written to ${view.written.join(", ")}.`}
            </MessageBarBody>
          </MessageBar>
          <ol className={styles.ranking} aria-label="Top of the ranking">
            {top.map((r) => (
              <li key={r.id}>
                <Text size={200}>
                  {r.id} — {r.score.toFixed(1)}{" "}
                  <span className={styles.muted}>
                    (ranks {r.rankRange[0]}–{r.rankRange[1]} when weights move)
                  </span>
                </Text>
              </li>
            ))}
          </ol>
          {[...view.warnings, ...view.run.notes, ...view.run.ranking.problems.map((p) => p.message)]
            .slice(0, 8)
            .map((n, i) => (
              <Text key={i} size={200} className={styles.muted}>
                {n}
              </Text>
            ))}
          {view.run.selection && <SelectionResultView selection={view.run.selection} />}
        </>
      )}
      {built && (
        <ScenariosPanel selection={view?.run.selection ?? null} run={view?.ranWith ?? { method }} disabled={running} />
      )}
    </div>
  );
}
