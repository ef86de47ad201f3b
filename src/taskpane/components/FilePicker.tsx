import { useId, useRef } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start" },
  // Visually hidden but reachable by label and by tests; the button opens it.
  input: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export const ACCEPTED = ".xlsx,.xlsm,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Picks several .xlsx/.csv trackers and lists them. */
export function FilePicker(props: {
  files: File[];
  disabled: boolean;
  onChange: (files: File[]) => void;
}): JSX.Element {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const listId = useId();
  return (
    <div className={styles.root}>
      <input
        id={inputId}
        ref={input}
        className={styles.input}
        type="file"
        multiple
        accept={ACCEPTED}
        aria-label="Tracker files (.xlsx or .csv)"
        tabIndex={-1}
        disabled={props.disabled}
        onChange={(event) => {
          props.onChange(Array.from(event.currentTarget.files ?? []));
          // Clearing lets the user pick the same file again after editing it.
          event.currentTarget.value = "";
        }}
      />
      <Button disabled={props.disabled} onClick={() => input.current?.click()} aria-describedby={listId}>
        Choose tracker files…
      </Button>
      <div id={listId} aria-live="polite">
        {props.files.length === 0 ? (
          <Text size={200}>No files chosen. Pick one or more .xlsx or .csv trackers.</Text>
        ) : (
          <>
            <Text size={200}>
              {props.files.length} file{props.files.length === 1 ? "" : "s"} chosen:
            </Text>
            <ul className={styles.list}>
              {props.files.map((file) => (
                <li key={`${file.name}:${file.size}:${file.lastModified}`}>
                  <Text size={200}>
                    {file.name} ({size(file.size)})
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
