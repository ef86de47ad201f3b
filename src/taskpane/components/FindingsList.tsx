import { useState } from "react";
import {
  Badge,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Severity } from "../../standards/types";
import type { PaneFinding as Finding } from "../pane-steps";
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

type BadgeColor = "danger" | "warning" | "informative";
const SEVERITIES: { severity: Severity; title: string; color: BadgeColor }[] = [
  { severity: "error", title: "Errors", color: "danger" },
  { severity: "warning", title: "Warnings", color: "warning" },
  { severity: "info", title: "Notes", color: "informative" },
];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

type GroupBy = "severity" | "rule" | "project";
interface Group {
  key: string;
  title: string;
  color: BadgeColor;
  items: Finding[];
}

const NO_PROJECT = "Not about one project";

function groupFindings(findings: Finding[], by: GroupBy): Group[] {
  if (by === "severity")
    return SEVERITIES.map((s) => ({
      key: s.severity,
      title: s.title,
      color: s.color,
      items: findings.filter((f) => f.severity === s.severity),
    })).filter((g) => g.items.length > 0);
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = by === "rule" ? f.rule : (f.project ?? NO_PROJECT);
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  // Worst first, then the most findings, then by name, so the order is stable.
  const worst = (items: Finding[]) => Math.min(...items.map((f) => RANK[f.severity]));
  return [...groups.entries()]
    .map(([key, items]) => ({
      key,
      title:
        by === "project" && key !== "Projects" && !items.some((f) => f.entity === "Projects")
          ? `${key} (other records)`
          : key,
      color: SEVERITIES[worst(items)].color,
      items: [...items].sort((a, b) => RANK[a.severity] - RANK[b.severity]),
    }))
    .sort((a, b) => worst(a.items) - worst(b.items) || b.items.length - a.items.length || (a.key < b.key ? -1 : 1));
}

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

/** Findings grouped by severity, rule or project; in Excel each location selects its cell. */
export function FindingsList({ findings, mode }: { findings: Finding[]; mode: HostMode }): JSX.Element {
  const styles = useStyles();
  const [by, setBy] = useState<GroupBy>("severity");
  const [shown, setShown] = useState<Record<string, number>>({});
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

  const groups = groupFindings(findings, by);
  const visibleGroups = groups.slice(0, by === "severity" ? 3 : (shown["__groups"] ?? PAGE));
  return (
    <>
      {goError && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{goError}</MessageBarBody>
        </MessageBar>
      )}
      {findings.length > 0 && (
        <Field label="Group findings by">
          <Select value={by} onChange={(_, d) => setBy(d.value as GroupBy)}>
            <option value="severity">Severity</option>
            <option value="rule">Rule</option>
            <option value="project">Project</option>
          </Select>
        </Field>
      )}
      {visibleGroups.map((group) => {
        const key = `${by}:${group.key}`;
        const limit = shown[key] ?? (by === "severity" ? PAGE : 5);
        const items = group.items;
        return (
          <section key={key} className={styles.group} aria-label={`${group.title}: ${items.length}`}>
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
                onClick={() => setShown((s) => ({ ...s, [key]: limit + PAGE }))}
              >
                Show {Math.min(PAGE, items.length - limit)} more in {group.title} (of {items.length - limit})
              </Button>
            )}
          </section>
        );
      })}
      {groups.length > visibleGroups.length && (
        <Button
          className={styles.more}
          onClick={() => setShown((s) => ({ ...s, __groups: visibleGroups.length + PAGE }))}
        >
          Show {Math.min(PAGE, groups.length - visibleGroups.length)} more groups (of{" "}
          {groups.length - visibleGroups.length})
        </Button>
      )}
    </>
  );
}
