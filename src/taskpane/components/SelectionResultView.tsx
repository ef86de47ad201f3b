import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SelectionResult } from "../../analysis/prioritise/selection-types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "right",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const STATUS = {
  optimal: { color: "success", words: "optimal (proven best)" },
  feasible: { color: "warning", words: "feasible (best found within the time limit)" },
  infeasible: { color: "danger", words: "infeasible" },
  stopped: { color: "warning", words: "stopped before a selection was found" },
} as const;

/** A stopped solve that had found a selection keeps it: say so rather than "before a selection was found". */
function statusWords(selection: SelectionResult): string {
  if (selection.status === "stopped" && selection.selected.length > 0)
    return "stopped on request: the best selection found so far";
  return STATUS[selection.status].words;
}

const money = (n: number): string => n.toLocaleString("en-GB", { maximumFractionDigits: 0 });

/** The exact selection: status, what was chosen, what binds, the efficient frontier, and conflicts. */
export function SelectionResultView({ selection }: { selection: SelectionResult }): JSX.Element {
  const styles = useStyles();
  const status = STATUS[selection.status];
  return (
    <section className={styles.root} aria-label="Portfolio selection">
      <div className={styles.line}>
        <Text weight="semibold">Selection</Text>
        <Badge appearance="tint" color={status.color}>
          {selection.status}
        </Badge>
      </div>
      <Text>
        {selection.status === "infeasible"
          ? "No portfolio meets every constraint with the forced choices as they are."
          : `${selection.selected.length} projects selected (${statusWords(selection)}): ${selection.objectiveName} ${selection.objective.toFixed(1)}, cost ${money(selection.cost)}${selection.budget !== null ? ` of a budget of ${money(selection.budget)}` : " (no budget limit)"}.`}
      </Text>
      {selection.conflicts && (
        <Text>
          {selection.conflicts.message} Change the Selection column of{" "}
          {selection.conflicts.forced.join(", ") || "the forced projects"} on the Projects sheet, or the budget, and run
          again.
        </Text>
      )}
      {selection.selected.length > 0 && <Text size={200}>Selected: {selection.selected.join(", ")}</Text>}
      {selection.binding.length > 0 && (
        <>
          <Text weight="semibold">What limits the portfolio</Text>
          <ul className={styles.list}>
            {selection.binding.slice(0, 8).map((b) => (
              <li key={b.constraint}>
                <Text size={200}>
                  {b.constraint}
                  {b.blocks.length > 0
                    ? ` keeps out ${b.blocks.slice(0, 5).join(", ")}${b.blocks.length > 5 ? "…" : ""}`
                    : " is used in full"}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {selection.hire.some((h) => h.gain > 1e-9) && (
        <ul className={styles.list} aria-label="One more FTE">
          {selection.hire
            .filter((h) => h.gain > 1e-9)
            .map((h) => (
              <li key={h.role}>
                <Text size={200}>
                  One more {h.role} FTE would add {h.gain.toFixed(1)} {selection.objectiveName}.
                </Text>
              </li>
            ))}
        </ul>
      )}
      {selection.frontier.length > 0 && (
        <table className={styles.table} aria-label="Efficient frontier: best objective at each budget">
          <thead>
            <tr>
              <th className={styles.cell} scope="col">
                Budget
              </th>
              <th className={styles.cell} scope="col">
                Best {selection.objectiveName}
              </th>
              <th className={styles.cell} scope="col">
                Projects
              </th>
            </tr>
          </thead>
          <tbody>
            {selection.frontier.map((p) => (
              <tr key={p.budget}>
                <td className={styles.cell}>{money(p.budget)}</td>
                <td className={styles.cell}>{p.objective === null ? "—" : p.objective.toFixed(1)}</td>
                <td className={styles.cell}>{p.selectedCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {[...selection.problems, ...selection.notes].slice(0, 6).map((n, i) => (
        <Text key={i} size={200}>
          {n}
        </Text>
      ))}
    </section>
  );
}
