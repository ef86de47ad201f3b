import { useState } from "react";
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CapacityView } from "../pane-steps";

const useStyles = makeStyles({
  // The table scrolls inside its own focusable region, so the pane itself never scrolls sideways.
  scroller: { overflowX: "auto", maxWidth: "100%", outlineOffset: "2px" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase100 },
  head: { padding: `0 ${tokens.spacingHorizontalXXS}`, fontWeight: tokens.fontWeightRegular, whiteSpace: "nowrap" },
  role: {
    textAlign: "left",
    padding: `0 ${tokens.spacingHorizontalS} 0 0`,
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: "nowrap",
    maxWidth: "110px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    // The role stays in view while the months scroll.
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cell: { padding: 0, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  value: {
    display: "block",
    minWidth: "30px",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`,
    textAlign: "center",
    border: "none",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: "transparent",
  },
  button: { cursor: "pointer", ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  red: { backgroundColor: tokens.colorPaletteRedBackground2 },
  amber: { backgroundColor: tokens.colorPaletteMarigoldBackground2 },
  green: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  none: {},
  detail: { display: "block", marginTop: tokens.spacingVerticalS },
});

type Plan = CapacityView["run"]["plan"];

const short = (month: string): string => `${month.slice(5, 7)}/${month.slice(2, 4)}`;
const pct = (u: number | null): string => (u === null ? "–" : String(Math.round(u * 100)));

/**
 * Utilisation by role and month (%), coloured by band with the theme's palette; an amber, red or
 * "no capacity" cell is a button that shows the projects contributing most to it.
 */
export function CapacityHeatMap({ plan }: { plan: Plan }): JSX.Element | null {
  const styles = useStyles();
  const [picked, setPicked] = useState<{ role: string; month: string } | null>(null);
  const roles = Object.keys(plan.roles);
  if (roles.length === 0 || plan.months.length === 0) return null;
  const hot = picked ? plan.hotspots.find((h) => h.role === picked.role && h.month === picked.month) : undefined;
  return (
    <div>
      <div
        className={styles.scroller}
        role="region"
        aria-label="Utilisation heat map, % by role and month"
        tabIndex={0}
      >
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.role} scope="col">
                Role
              </th>
              {plan.months.map((m) => (
                <th key={m} className={styles.head} scope="col" abbr={m}>
                  {short(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => {
              const rc = plan.roles[role];
              return (
                <tr key={role}>
                  <th className={styles.role} scope="row" title={role}>
                    {role}
                  </th>
                  {plan.months.map((month, i) => {
                    const band = rc.bands[i];
                    const colour =
                      band === "red" || band === "no capacity"
                        ? styles.red
                        : band === "amber"
                          ? styles.amber
                          : band === "green"
                            ? styles.green
                            : styles.none;
                    const text = band === "no capacity" ? "!" : band === "none" ? "" : pct(rc.utilisation[i]);
                    const label = `${role}, ${month}: ${band === "no capacity" ? "demand with no capacity" : `${pct(rc.utilisation[i])} % utilised`}`;
                    const clickable = band === "red" || band === "amber" || band === "no capacity";
                    return (
                      <td key={month} className={mergeClasses(styles.cell, colour)}>
                        {clickable ? (
                          <button
                            type="button"
                            className={mergeClasses(styles.value, styles.button)}
                            aria-label={`${label}; show contributors`}
                            aria-pressed={picked?.role === role && picked.month === month}
                            onClick={() => setPicked({ role, month })}
                          >
                            {text}
                          </button>
                        ) : (
                          <span className={styles.value}>{text}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {picked && (
        <Text size={200} className={styles.detail} aria-live="polite">
          {hot
            ? `${hot.role}, ${hot.month}: ${hot.demand.toFixed(2)} FTE needed, ${hot.supply.toFixed(2)} available. Most from ${
                hot.topProjects.map((p) => `${p.id}${p.name ? ` (${p.name})` : ""} ${p.fte.toFixed(2)}`).join(", ") ||
                "no single project"
              }.`
            : `${picked.role}, ${picked.month}: no contributors recorded for this cell.`}
        </Text>
      )}
    </div>
  );
}
