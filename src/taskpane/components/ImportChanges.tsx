import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FieldValue } from "../../domain/register";
import type { ChangeList } from "../../pipeline/register-workbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const SHOWN = 8;
const show = (v: FieldValue | undefined): string => (v === null || v === undefined || v === "" ? "(blank)" : String(v));

function Group(props: { title: string; items: string[] }): JSX.Element | null {
  const styles = useStyles();
  if (props.items.length === 0) return null;
  return (
    <>
      <Text weight="semibold">
        {props.title}: {props.items.length}
      </Text>
      <ul className={styles.list} aria-label={props.title}>
        {props.items.slice(0, SHOWN).map((t, i) => (
          <li key={i}>
            <Text size={200}>{t}</Text>
          </li>
        ))}
        {props.items.length > SHOWN && (
          <li>
            <Text size={200}>… and {props.items.length - SHOWN} more (all on the Mapping sheet once written).</Text>
          </li>
        )}
      </ul>
    </>
  );
}

/** The four counts of an import into an existing register, in one sentence. */
export function changeCounts(c: ChangeList): string {
  return `${c.added.length} added, ${c.updated.length} updated, ${c.conflicts.length} hand edits kept, ${c.kept.length} not in the new files (kept)`;
}

/**
 * What an import into an existing register changes, shown before anything is written (register
 * issue, item 4): records added, fields updated, the analysts' hand edits kept with the incoming
 * value that was not applied, and records the new files no longer hold (kept, not deleted).
 */
export function ImportChanges(props: {
  changes: ChangeList;
  /** The workbook changed after the first list was shown: this is the list worked out again. */
  changedSince?: boolean;
  writeLabel: string;
  disabled: boolean;
  onWrite: () => void;
  onCancel: () => void;
}): JSX.Element {
  const styles = useStyles();
  const c = props.changes;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody className={styles.root}>
        <MessageBarTitle>This import changes the register: {changeCounts(c)}.</MessageBarTitle>
        <Text size={200}>
          {props.changedSince
            ? "The workbook changed since the list was first shown, so it was worked out again. Nothing has been written yet."
            : "Nothing has been written yet."}
        </Text>
        <Group title="Added" items={c.added.map((a) => `${a.entity} ${a.id}`)} />
        <Group
          title="Updated"
          items={c.updated.map((u) => `${u.entity} ${u.id} ${u.field}: ${show(u.before)} → ${show(u.after)}`)}
        />
        <Group
          title="Hand edits kept"
          items={c.conflicts.map(
            (k) => `${k.entity} ${k.id} ${k.field}: kept ${show(k.current)}; the import brought ${show(k.incoming)}`,
          )}
        />
        <Group title="Not in the new files (kept)" items={c.kept.map((k) => `${k.entity} ${k.id}`)} />
        <div className={styles.actions}>
          <Button appearance="primary" disabled={props.disabled} onClick={props.onWrite}>
            {props.writeLabel}
          </Button>
          <Button disabled={props.disabled} onClick={props.onCancel}>
            Do not import
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
