import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { downloadBytes } from "../download";
import { nextStep } from "../next-step";
import { useSession } from "../session";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    marginBottom: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(70px, max-content) 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  pair: { display: "contents" },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

function records(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([entity, n]) => `${n} ${entity}`);
  return parts.length > 2 ? `${parts.slice(0, 2).join(", ")} and more` : parts.join(", ");
}

/**
 * Where the workbook stands (register built? findings open? selection saved? summary current?) and
 * the next step of the monthly flow, with a button that opens it.
 */
export function StatusHeader({
  summaryAvailable,
  loading,
}: {
  summaryAvailable: boolean;
  loading: boolean;
}): JSX.Element {
  const styles = useStyles();
  const session = useSession();
  const status = session.status;
  const next = nextStep(status, { summaryAvailable, summaryCurrent: session.summaryCurrent });
  const f = status?.findings;
  const rows: [string, string][] = [
    ["Register", status?.registerBuilt ? `built: ${records(status.records)}` : "not built"],
    [
      "Findings",
      !status?.registerBuilt || !f
        ? "not checked"
        : f.error + f.warning === 0
          ? "none open"
          : `${f.error} error${f.error === 1 ? "" : "s"}, ${f.warning} warning${f.warning === 1 ? "" : "s"} open`,
    ],
    [
      "Selection",
      status?.selectionSaved
        ? `saved${session.lastSelection?.selected ? ` (${session.lastSelection.selected.length} projects)` : ""}`
        : status?.ranked
          ? "ranked, not selected"
          : "not saved",
    ],
    ["Capacity", status?.capacityPlanned ? "planned" : "not planned"],
    [
      "Summary",
      !summaryAvailable
        ? "not in the pane yet"
        : session.summaryCurrent
          ? "current"
          : status && status.summarySheets.length > 0
            ? "written earlier; write again after changes"
            : "not written",
    ],
  ];
  return (
    <section className={styles.root} aria-label="Where this workbook stands" aria-busy={loading}>
      {loading ? (
        <Spinner size="tiny" label="Reading the workbook…" />
      ) : (
        <dl className={styles.list}>
          {rows.map(([term, value]) => (
            <div key={term} className={styles.pair}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className={styles.actions} aria-live="polite">
        {next ? (
          <>
            <Button appearance="primary" size="small" onClick={() => session.open(next.section)}>
              Next: {next.label}
            </Button>
            <Text size={200}>{next.why}</Text>
          </>
        ) : (
          !loading && <Text size={200}>Everything is up to date for this month.</Text>
        )}
        {session.mode === "file" && session.file && (
          <Button
            size="small"
            disabled={session.busy !== null}
            onClick={() => session.file && downloadBytes(session.file.bytes, session.file.name)}
          >
            Download {session.file.name}
          </Button>
        )}
      </div>
    </section>
  );
}
