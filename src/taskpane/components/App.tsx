import { useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  FluentProvider,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostMode } from "../host";
import { usePaneTheme } from "../theme";
import { RegisterSection } from "./RegisterSection";
import { PlannedSection } from "./PlannedSection";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    // The pane is 320–450 px wide: nothing may force a horizontal scroll bar.
    overflowX: "hidden",
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
    flexWrap: "wrap",
  },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  title: { flexGrow: 1 },
});

/** The sections the pane will have; only Register is wired to the pipeline so far. */
const PLANNED = [
  {
    id: "standards",
    title: "Standards",
    action: "Check against PMO standards",
    explanation:
      "Checks every record against the PMO profile's rules (missing owners, stale status dates, dates out of order, RAG that disagrees with cost and schedule) and lists each finding with the cell to fix.",
    cli: "pmo validate register.xlsx",
  },
  {
    id: "prioritise",
    title: "Prioritise",
    action: "Rank the portfolio",
    explanation:
      "Scores projects against weighted criteria, shows how stable each rank is when the weights move, and can pick the best set of projects that fits the budget and capacity.",
    cli: "pmo prioritise register.xlsx",
  },
  {
    id: "capacity",
    title: "Capacity",
    action: "Plan capacity",
    explanation:
      "Adds up allocations by role and month, compares demand with supply, and highlights the months and roles that are over-committed.",
    cli: "pmo capacity register.xlsx",
  },
  {
    id: "summary",
    title: "Summary",
    action: "Write the management summary",
    explanation:
      "Writes a summary workbook for managers: key figures, the portfolio by RAG, the ranking, capacity hot spots and the findings that matter, with charts.",
    cli: "pmo summary register.xlsx",
  },
] as const;

export function App({ mode }: { mode: HostMode }): JSX.Element {
  const styles = useStyles();
  const { theme, name } = usePaneTheme(mode);
  const [built, setBuilt] = useState(false);
  return (
    <FluentProvider theme={theme} className={styles.root} data-theme={name}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          PMO Register
        </Text>
        <Badge appearance="tint" color={mode === "excel" ? "brand" : "informative"}>
          {mode === "excel" ? "This workbook" : "Files"}
        </Badge>
      </header>
      <main>
        <Accordion multiple collapsible defaultOpenItems={["register"]}>
          <AccordionItem value="register">
            <AccordionHeader as="h2">Register</AccordionHeader>
            <AccordionPanel>
              <RegisterSection mode={mode} onBuilt={() => setBuilt(true)} />
            </AccordionPanel>
          </AccordionItem>
          {PLANNED.map((section) => (
            <AccordionItem value={section.id} key={section.id}>
              <AccordionHeader as="h2">{section.title}</AccordionHeader>
              <AccordionPanel>
                <PlannedSection {...section} registerBuilt={built} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      </main>
    </FluentProvider>
  );
}
