import { useState } from "react";
import { Badge, Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../standards/types";
import type { HostMode } from "../host";
import { loadSteps } from "../step-runner";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    paddingTop: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  more: { alignSelf: "flex-start" },
});

const GROUPS: { severity: Severity; title: string; color: "danger" | "warning" | "informative" }[] = [
  { severity: "error", title: "Errors", color: "danger" },
  { severity: "warning", title: "Warnings", color: "warning" },
  { severity: "info", title: "Notes", color: "informative" },
];

/** A few at a time: a large register can have thousands of findings, and the pane must stay quick. */
const PAGE = 25;

function where(f: Finding): string {
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}

function FindingItem({ finding, mode, onGo }: { finding: Finding; mode: HostMode; onGo: (f: Finding) => void }) {
  const styles = useStyles();
  const location = where(finding);
  const canGo = mode === "excel" && finding.cell !== null && !finding.file;
  return (
    <li className={styles.item}>
      <Text size={300}>{finding.message}</Text>
      <Text size={200} className={styles.meta}>
        {finding.entity} {finding.id}
        {finding.field ? ` · ${finding.field}` : ""} ·{" "}
        {canGo ? (
          <Link as="button" onClick={() => onGo(finding)} aria-label={`Go to cell ${location}`}>
            {location}
          </Link>
        ) : (
          <span>{finding.file ? `${finding.file} › ${location}` : location}</span>
        )}{" "}
        · {finding.rule}
      </Text>
    </li>
  );
}

/** Findings grouped by severity; in Excel each location selects its cell. */
export function FindingsList({ findings, mode }: { findings: Finding[]; mode: HostMode }): JSX.Element {
  const styles = useStyles();
  const [shown, setShown] = useState<Record<Severity, number>>({ error: PAGE, warning: PAGE, info: PAGE });
  const [goError, setGoError] = useState<string | null>(null);

  async function go(f: Finding): Promise<void> {
    setGoError(null);
    try {
      const steps = await loadSteps();
      await steps.goToCell(f.sheet, f.cell ?? "A1");
    } catch (error) {
      setGoError(
        `Could not select ${where(f)}: ${error instanceof Error ? error.message : String(error)}. Check that the sheet still exists and is not hidden.`,
      );
    }
  }

  return (
    <>
      {goError && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{goError}</MessageBarBody>
        </MessageBar>
      )}
      {GROUPS.map((group) => {
        const items = findings.filter((f) => f.severity === group.severity);
        if (items.length === 0) return null;
        const limit = shown[group.severity];
        return (
          <section key={group.severity} className={styles.group} aria-label={`${group.title}: ${items.length}`}>
            <h3 className={styles.heading}>
              <Text weight="semibold">{group.title}</Text>
              <Badge appearance="tint" color={group.color}>
                {items.length}
              </Badge>
            </h3>
            <ul className={styles.list}>
              {items.slice(0, limit).map((f, i) => (
                <FindingItem
                  key={`${f.rule}:${f.entity}:${f.index}:${f.field}:${i}`}
                  finding={f}
                  mode={mode}
                  onGo={(x) => void go(x)}
                />
              ))}
            </ul>
            {items.length > limit && (
              <Button
                className={styles.more}
                size="small"
                onClick={() => setShown((s) => ({ ...s, [group.severity]: s[group.severity] + PAGE }))}
              >
                Show {Math.min(PAGE, items.length - limit)} more {group.title.toLowerCase()} (of {items.length - limit})
              </Button>
            )}
          </section>
        );
      })}
    </>
  );
}
