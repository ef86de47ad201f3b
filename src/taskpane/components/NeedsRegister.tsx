import { useId } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  reason: { color: tokens.colorNeutralForeground3 },
});

/**
 * A step's action while there is no register to work on: still focusable, so a screen-reader user
 * reaches it and hears why it is unavailable.
 */
export function NeedsRegister({ action }: { action: string }): JSX.Element {
  const styles = useStyles();
  const reasonId = useId();
  return (
    <>
      <Button appearance="primary" disabledFocusable aria-describedby={reasonId}>
        {action}
      </Button>
      <Text id={reasonId} size={200} className={styles.reason}>
        Build the register first.
      </Text>
    </>
  );
}
