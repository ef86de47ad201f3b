import { useId, useRef, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { addFiles, describeAdded } from "../file-list";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "stretch" },
  add: { alignSelf: "flex-start" },
  // Visually hidden but reachable by label and by tests; the button opens it.
  input: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: "2px" },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, justifyContent: "space-between" },
  name: { overflowWrap: "anywhere", minWidth: 0 },
});

export const ACCEPTED =
  ".xlsx,.xlsm,.xls,.xlsb,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What the picker says; file mode and Excel mode ("add files to this import") word it differently. */
export interface FilePickerWords {
  /** Accessible name of the file input. */
  input: string;
  /** The button when no file is listed, and when some are. */
  choose: string;
  addMore: string;
  empty: string;
  /** Accessible name of the list of chosen files. */
  list: string;
}

export const TRACKER_FILES: FilePickerWords = {
  input: "Tracker files (.xlsx or .csv)",
  choose: "Choose tracker files…",
  addMore: "Add more files…",
  empty: "No files chosen. Pick one or more .xlsx or .csv trackers.",
  list: "Chosen files",
};

/**
 * Picks .xlsx/.csv trackers and lists them. Each pick adds to the list (see addFiles); each listed
 * file has a Remove button. Focus stays in the list after a removal (the next file's button, or the
 * add button when the list is empty).
 */
export function FilePicker(props: {
  files: File[];
  disabled: boolean;
  onChange: (files: File[]) => void;
  words?: FilePickerWords;
}): JSX.Element {
  const styles = useStyles();
  const words = props.words ?? TRACKER_FILES;
  const input = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const removeButtons = useRef<(HTMLButtonElement | HTMLAnchorElement | null)[]>([]);
  const inputId = useId();
  const countId = useId();
  const [announcement, setAnnouncement] = useState("");
  const n = props.files.length;

  function remove(index: number): void {
    const removed = props.files[index];
    const rest = props.files.filter((_, i) => i !== index);
    props.onChange(rest);
    setAnnouncement(`Removed ${removed.name}.`);
    // After React renders the shorter list: the file now at this place, the one before, or the add button.
    requestAnimationFrame(() => {
      const next = removeButtons.current[Math.min(index, rest.length - 1)];
      (rest.length > 0 && next ? next : addButton.current)?.focus();
    });
  }

  return (
    <div className={styles.root}>
      <input
        id={inputId}
        ref={input}
        className={styles.input}
        type="file"
        multiple
        accept={ACCEPTED}
        aria-label={words.input}
        tabIndex={-1}
        disabled={props.disabled}
        onChange={(event) => {
          const result = addFiles(props.files, Array.from(event.currentTarget.files ?? []));
          props.onChange(result.files);
          setAnnouncement(describeAdded(result));
          // Clearing lets the user pick the same file again after editing it.
          event.currentTarget.value = "";
        }}
      />
      <Button
        ref={addButton}
        className={styles.add}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
        aria-describedby={countId}
      >
        {n === 0 ? words.choose : words.addMore}
      </Button>
      <Text id={countId} size={200}>
        {n === 0 ? words.empty : `${n} file${n === 1 ? "" : "s"} chosen:`}
      </Text>
      {n > 0 && (
        <ul className={styles.list} aria-label={words.list}>
          {props.files.map((file, i) => (
            <li key={`${file.name}:${file.size}:${file.lastModified}`} className={styles.item}>
              <Text size={200} className={styles.name}>
                {file.name} ({size(file.size)})
              </Text>
              <Button
                ref={(el) => {
                  removeButtons.current[i] = el;
                }}
                size="small"
                appearance="subtle"
                disabled={props.disabled}
                aria-label={`Remove ${file.name}`}
                onClick={() => remove(i)}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite">
        <Text size={200}>{announcement}</Text>
      </div>
    </div>
  );
}
