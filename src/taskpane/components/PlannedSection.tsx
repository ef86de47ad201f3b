import { useId } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  reason: { color: tokens.colorNeutralForeground3 },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export interface PlannedSectionProps {
  id: string;
  title: string;
  action: string;
  explanation: string;
  cli: string;
  registerBuilt: boolean;
}

/**
 * A section that is not wired to the pipeline yet: it says what it will do and why its button is
 * unavailable, and never shows made-up results. The button stays focusable so a screen reader
 * user reaches it and hears the reason.
 */
export function PlannedSection({ action, explanation, cli, registerBuilt }: PlannedSectionProps): JSX.Element {
  const styles = useStyles();
  const reasonId = useId();
  return (
    <div className={styles.root}>
      <Text>{explanation}</Text>
      <Button appearance="secondary" disabledFocusable aria-describedby={reasonId}>
        {action}
      </Button>
      <Text id={reasonId} size={200} className={styles.reason}>
        {registerBuilt ? (
          <>
            Not in the pane yet. Download or save the register, then run <span className={styles.code}>{cli}</span> on
            the command line.
          </>
        ) : (
          "Build the register first."
        )}
      </Text>
    </div>
  );
}
