import { useState } from "react";
import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { LocatedHealthMetric, LocatedHealthRecord, LocatedHealthView } from "../../pipeline/steps/schedule-health";
import type { ScheduleHealthView } from "../pane-steps";
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
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  check: {
    paddingTop: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  checkHead: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", flexWrap: "wrap" },
  checkName: { flexGrow: 1, minWidth: 0 },
  records: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  toggle: { alignSelf: "flex-start", textAlign: "start", height: "auto" },
});

const FAILURE = {
  title: "Schedule health could not be checked",
  advice:
    "Check that the Projects, Milestones and Dependencies sheets are still there with their dates, then check again.",
};
const WRITE_FAILURE = {
  title: "The Schedule health sheet could not be written",
  advice: "Check again, then write the sheet once more.",
};

/** Records shown at a time under a failing check; a portfolio can have hundreds. */
const PAGE = 25;
const PORTFOLIO = "Portfolio";
const NO_PROGRAMME = "(no programme)";

const scopeLabel = (scope: string): string =>
  scope === PORTFOLIO ? "Portfolio" : scope === NO_PROGRAMME ? "Projects without a programme" : `Programme ${scope}`;

function ResultBadge({ pass }: { pass: boolean | null }): JSX.Element {
  if (pass === null)
    return (
      <Badge appearance="tint" color="informative">
        n/a
      </Badge>
    );
  return (
    <Badge appearance="tint" color={pass ? "success" : "danger"}>
      {pass ? "Pass" : "Fail"}
    </Badge>
  );
}

function where(r: LocatedHealthRecord): string {
  return r.at ? `${r.at.sheet}!${r.at.cell}` : `${r.entity} › ${r.id} › ${r.field}`;
}

function RecordItem(props: {
  record: LocatedHealthRecord;
  canGo: boolean;
  onGo: (r: LocatedHealthRecord) => void;
}): JSX.Element {
  const styles = useStyles();
  const { record: r } = props;
  const location = where(r);
  return (
    <li>
      <Text size={200} block>
        {r.detail}
      </Text>
      <Text size={200} className={styles.meta}>
        {r.entity} {r.id} · {r.field} ·{" "}
        {props.canGo && r.at ? (
          <Link as="button" onClick={() => props.onGo(r)} aria-label={`Go to cell ${location}`}>
            {location}
          </Link>
        ) : (
          <span>{location}</span>
        )}
      </Text>
    </li>
  );
}

function CheckItem(props: {
  metric: LocatedHealthMetric;
  canGo: boolean;
  onGo: (r: LocatedHealthRecord) => void;
}): JSX.Element {
  const styles = useStyles();
  const { metric: m } = props;
  const [shown, setShown] = useState(0);
  const records = m.records;
  const expandable = m.pass === false && records.length > 0;
  const listId = `health-records-${m.id}`;
  return (
    <li className={styles.check}>
      <div className={styles.checkHead}>
        <Text weight="semibold" className={styles.checkName}>
          {m.number}. {m.name}
        </Text>
        <ResultBadge pass={m.pass} />
      </div>
      <Text size={200}>
        {m.count} of {m.denominator} · {m.valueText} vs {m.thresholdText}
        {m.note ? ` · ${m.note}` : ""}
      </Text>
      {expandable && (
        <Button
          className={styles.toggle}
          size="small"
          appearance="subtle"
          aria-expanded={shown > 0}
          aria-controls={shown > 0 ? listId : undefined}
          onClick={() => setShown(shown > 0 ? 0 : PAGE)}
        >
          {shown > 0
            ? `Hide the records of ${m.name}`
            : `Show ${records.length} record${records.length === 1 ? "" : "s"} of ${m.name}`}
        </Button>
      )}
      {expandable && shown > 0 && (
        <>
          <ul id={listId} className={styles.records} aria-label={`Records of ${m.name}`}>
            {records.slice(0, shown).map((r, i) => (
              <RecordItem
                key={`${r.entity}:${r.index}:${r.field}:${i}`}
                record={r}
                canGo={props.canGo}
                onGo={props.onGo}
              />
            ))}
          </ul>
          {records.length > shown && (
            <Button className={styles.toggle} size="small" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, records.length - shown)} more (of {records.length - shown})
            </Button>
          )}
        </>
      )}
    </li>
  );
}

/**
 * Schedule health: the DCMA 14-point assessment for the portfolio or one programme. A failing
 * check opens to the records behind it, each selecting its register cell in Excel; the Schedule
 * health sheet is written only when asked.
 */
export default function ScheduleHealthSection(): JSX.Element {
  const styles = useStyles();
  const session = useSession();
  const [statusDate, setStatusDate] = useState("");
  const [scope, setScope] = useState(PORTFOLIO);
  const [view, setView] = useState<ScheduleHealthView | null>(null);
  const [goError, setGoError] = useState<string | null>(null);
  const step = useStep<ScheduleHealthView>({
    mode: session.mode,
    failure: FAILURE,
    exclusive: session.exclusive,
    name: "schedule health",
  });
  const built = session.status?.registerBuilt ?? false;
  const running = session.busy !== null;
  const dateOk = statusDate === "" || /^\d{4}-\d{2}-\d{2}$/.test(statusDate);

  async function run(write: boolean): Promise<void> {
    setGoError(null);
    const result = await step.run(
      async (request) => {
        const steps = await loadSteps();
        const outcome = await steps.scheduleHealth({ mode: session.mode, file: session.file }, request, {
          statusDate: statusDate || undefined,
          today: todayIso(),
          write,
        });
        if (write) session.changed({ status: outcome.status, bytes: outcome.bytes });
        return outcome.value;
      },
      write ? WRITE_FAILURE : FAILURE,
    );
    if (result) {
      setView(result);
      const scopes = [result.run.portfolio, ...result.run.byProgramme].map((v) => v.scope);
      if (!scopes.includes(scope)) setScope(PORTFOLIO);
    }
  }

  async function go(sheet: string, cell: string): Promise<void> {
    setGoError(null);
    try {
      const steps = await loadSteps();
      await steps.goToCell(sheet, cell);
    } catch (error) {
      setGoError(
        `Could not select ${sheet}!${cell}: ${error instanceof Error ? error.message : String(error)}. Check that the sheet still exists and is not hidden.`,
      );
    }
  }

  const views: LocatedHealthView[] = view ? [view.run.portfolio, ...view.run.byProgramme] : [];
  const shown = views.find((v) => v.scope === scope) ?? views[0] ?? null;
  const canGo = session.mode === "excel";
  const sheet = view?.written[0] ?? null;
  return (
    <div className={styles.root}>
      <Text>
        The DCMA 14-point schedule assessment over the register&apos;s projects, milestones and dependencies: each
        check&apos;s count, its value against the threshold on PMO Settings, and the records behind a failing check.
      </Text>
      <Field
        label="Status date"
        hint="Blank: PMO Settings, else the latest status date in the register."
        validationState={dateOk ? "none" : "error"}
        validationMessage={dateOk ? undefined : "Give a date as YYYY-MM-DD, or leave it blank."}
      >
        <Input type="date" value={statusDate} disabled={running} onChange={(_, d) => setStatusDate(d.value)} />
      </Field>
      <div className={styles.actions}>
        {built ? (
          <>
            <Button appearance="primary" disabled={running || !dateOk} onClick={() => void run(false)}>
              Check schedule health
            </Button>
            {view && (
              <Button disabled={running || !dateOk} onClick={() => void run(true)}>
                Write Schedule health sheet
              </Button>
            )}
          </>
        ) : (
          <NeedsRegister action="Check schedule health" />
        )}
      </div>
      <StepFeedback state={step.state} onCancel={step.cancel} />
      {goError && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{goError}</MessageBarBody>
        </MessageBar>
      )}
      {view && shown && (
        <>
          {view.run.noStatusDate && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                The register has no status date (no StatusDate on its records and no reporting date on PMO Settings), so
                today, {view.run.statusDate}, stands in: invalid dates, missed items, CPLI and BEI are measured at it.
                Give a status date above to measure them at the reporting date.
              </MessageBarBody>
            </MessageBar>
          )}
          <Field label="Scope">
            <Select value={shown.scope} disabled={running} onChange={(_, d) => setScope(d.value)}>
              {views.map((v) => (
                <option key={v.scope} value={v.scope}>
                  {scopeLabel(v.scope)}
                </option>
              ))}
            </Select>
          </Field>
          <MessageBar intent={shown.failed > 0 ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {scopeLabel(shown.scope)}: {shown.passed} passed, {shown.failed} failed
              </MessageBarTitle>{" "}
              {shown.metrics.length - shown.passed - shown.failed} not applicable. Status date {view.run.statusDate} (
              {view.run.statusDateSource}).
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.list} aria-label={`Schedule health checks: ${scopeLabel(shown.scope)}`}>
            {shown.metrics.map((m) => (
              <CheckItem
                key={`${shown.scope}:${m.id}`}
                metric={m}
                canGo={canGo}
                onGo={(r) => r.at && void go(r.at.sheet, r.at.cell)}
              />
            ))}
          </ul>
          {sheet ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                Written to the {sheet} sheet: every scope&apos;s checks and each failing check&apos;s records, linked to
                their cells.{" "}
                {canGo && (
                  <Link as="button" onClick={() => void go(sheet, "A1")}>
                    Open the {sheet} sheet
                  </Link>
                )}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Text size={200} className={styles.meta}>
              Write Schedule health sheet puts every scope&apos;s checks and the records behind them, linked to their
              cells, on the Schedule health sheet.
            </Text>
          )}
          {view.warnings.map((w, i) => (
            <MessageBar key={i} intent="warning" layout="multiline">
              <MessageBarBody>{w}</MessageBarBody>
            </MessageBar>
          ))}
        </>
      )}
    </div>
  );
}
