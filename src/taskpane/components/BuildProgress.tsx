import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { ProgressEvent } from "../../workbook/port";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "stretch" },
  cancel: { alignSelf: "flex-start" },
});

/** Stage, counts and a cancel button while the pipeline works. Indeterminate until a total is known. */
export function BuildProgress(props: {
  event: ProgressEvent | null;
  onCancel: () => void;
  cancelling: boolean;
}): JSX.Element {
  const styles = useStyles();
  const event = props.event;
  const known = event !== null && event.total > 0;
  const counts = known ? ` — ${Math.min(event.done, event.total)} of ${event.total}` : "";
  const stage = event ? `${event.stage}${counts}` : "Starting…";
  return (
    <div className={styles.root}>
      <Field label={stage} hint={event?.message} validationState="none">
        <ProgressBar
          value={known ? Math.min(event.done, event.total) : undefined}
          max={known ? event.total : undefined}
          aria-label={stage}
          thickness="large"
        />
      </Field>
      <Button className={styles.cancel} onClick={props.onCancel} disabled={props.cancelling}>
        {props.cancelling ? "Cancelling…" : "Cancel"}
      </Button>
    </div>
  );
}
