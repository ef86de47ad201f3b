import {
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { changeCounts } from "./ImportChanges";
import type { BuildOutcome, InputReport } from "../../pipeline/steps/build";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  input: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fileLine: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  where: { color: tokens.colorNeutralForeground3 },
});

const STATUS = {
  read: { label: "read", color: "success" },
  partial: { label: "partly read", color: "warning" },
  failed: { label: "not read", color: "danger" },
} as const;

/** "12 Projects, 30 Milestones" — only entities that have records, in the register's order. */
export function registerCounts(register: Record<string, number>): string {
  const parts = Object.entries(register)
    .filter(([, n]) => n > 0)
    .map(([entity, n]) => `${n} ${entity}`);
  return parts.length > 0 ? parts.join(", ") : "no records";
}

function where(file: string, problem: InputReport["problems"][number]): string {
  return [file, problem.sheet, problem.cell].filter(Boolean).join(" › ");
}

function InputResult({ input }: { input: InputReport }): JSX.Element {
  const styles = useStyles();
  const status = STATUS[input.status];
  const found = input.sheets.filter((s) => s.entity !== null);
  const skipped = input.sheets.filter((s) => s.entity === null);
  return (
    <section className={styles.input} aria-label={`Result for ${input.file}`}>
      <div className={styles.fileLine}>
        <Text weight="semibold">{input.file}</Text>
        <Badge appearance="tint" color={status.color}>
          {status.label}
        </Badge>
      </div>
      {found.length > 0 && (
        <ul className={styles.list} aria-label="Sheets read">
          {found.map((s) => (
            <li key={s.sheet}>
              <Text size={200}>
                {s.sheet} → {s.entity}, {s.rows} row{s.rows === 1 ? "" : "s"}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <Text size={200} className={styles.where}>
          Not recognised as register data: {skipped.map((s) => s.sheet).join(", ")}
        </Text>
      )}
      {input.problems.length > 0 && (
        <ul className={styles.list} aria-label="Problems">
          {input.problems.map((p, i) => (
            <li key={i}>
              <Text size={200}>
                <Badge size="small" appearance="outline" color={p.severity === "error" ? "danger" : "warning"}>
                  {p.severity}
                </Badge>{" "}
                <span className={styles.where}>{where(input.file, p)}:</span> {p.message}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the build found: totals, then per input its sheets, entities, rows and problems. */
export function BuildResults({ outcome, mode }: { outcome: BuildOutcome; mode: "excel" | "file" }): JSX.Element {
  const styles = useStyles();
  const total = Object.values(outcome.register).reduce((a, b) => a + b, 0);
  const failed = outcome.inputs.filter((i) => i.status === "failed").length;
  const intent = total === 0 ? "error" : failed > 0 ? "warning" : "success";
  return (
    <div className={styles.root}>
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{total === 0 ? "No register records found" : "Register built"}</MessageBarTitle>
          {total === 0
            ? "None of the sheets had a header row the add-in recognised. Check the problems below, make sure each tracker has one header row (Project, Start, Finish, Budget…), and build again."
            : `${registerCounts(outcome.register)}.${
                mode === "excel"
                  ? " Written to this workbook; the Mapping sheet shows which column went where."
                  : " Download register.xlsx (at the top of the pane) saves it with what the later steps add; its Mapping sheet shows which column went where."
              }${outcome.changes ? ` This import: ${changeCounts(outcome.changes)}.` : ""}${
                failed > 0 ? ` ${failed} input${failed === 1 ? " was" : "s were"} not read.` : ""
              }`}
        </MessageBarBody>
      </MessageBar>
      {outcome.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Notes</MessageBarTitle>
            <ul className={styles.list}>
              {outcome.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome.inputs.map((input) => (
        <InputResult key={input.file} input={input} />
      ))}
    </div>
  );
}
