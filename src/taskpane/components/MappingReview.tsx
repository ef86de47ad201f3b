import { useEffect, useId, useRef, useState } from "react";
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { EntityName } from "../../domain/schema";
import type { MappingPreview, PreviewColumn, PreviewSource } from "../../pipeline/preview-mapping";
import { LOW_CONFIDENCE, chooseField, type MappingEdits } from "../../pipeline/mapping-edits";

/**
 * "Review mapping": each sheet found, its entity (a dropdown: every entity, or "Not a table / skip"),
 * and every column's field with its confidence, each field a dropdown of the entity's fields. A
 * compact list (one column per row, label above the dropdown) so it fits a 320 px pane; nothing is
 * written until "Write register". Changing a sheet's entity re-proposes its columns (the section
 * reads that sheet again); sheets not read are listed with the same entity dropdown.
 */

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  source: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  columns: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  low: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  normal: { paddingLeft: `calc(${tokens.strokeWidthThicker} + ${tokens.spacingHorizontalS})` },
  label: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  skipped: { display: "flex", flexDirection: "column", gap: "4px", marginBottom: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const NOT_USED = "";
const SKIP = "";

type OnEntity = (source: PreviewSource, entity: EntityName | null) => void;
/** The entity dropdowns by sheet key, so focus returns to the one used once its sheet is re-proposed. */
type EntitySelects = Map<string, HTMLSelectElement | null>;

function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}

/** What the proposal was and how sure it is, in words a screen reader reads as the dropdown's hint. */
function proposal(column: PreviewColumn): string {
  if (column.how === "saved") return `Saved mapping: ${column.field ?? "not used"}`;
  if (column.field === null) return "No field matched: kept as an extra column";
  const how = column.how === "alias" ? "name match" : "close spelling";
  return `Proposed: ${column.field}, ${percent(column.confidence)} (${how})`;
}

function changesText(sheets: number, columns: number): string {
  const parts = [
    sheets > 0 ? `${sheets} sheet${sheets === 1 ? "" : "s"} read as you chose` : "",
    columns > 0 ? `${columns} column${columns === 1 ? "" : "s"} changed` : "",
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(", ")}.` : "No changes.";
}

function isLow(column: PreviewColumn): boolean {
  return column.how !== "saved" && (column.field === null || column.confidence < LOW_CONFIDENCE);
}

function ColumnChoice(props: {
  column: PreviewColumn;
  value: string | null;
  fields: NonNullable<MappingPreview["fields"][keyof MappingPreview["fields"]]>;
  disabled: boolean;
  onChange: (field: string | null) => void;
}): JSX.Element {
  const styles = useStyles();
  const { column } = props;
  const low = isLow(column);
  const changed = props.value !== column.field;
  return (
    <li className={low ? styles.low : styles.normal}>
      <Field
        size="small"
        label={{ children: `${column.header} (column ${column.column})`, className: styles.label }}
        hint={`${low ? "Check: " : ""}${proposal(column)}${changed ? ". Changed by you." : ""}`}
      >
        <Select
          size="small"
          value={props.value ?? NOT_USED}
          disabled={props.disabled}
          onChange={(_, data) => props.onChange(data.value === NOT_USED ? null : data.value)}
        >
          <option value={NOT_USED}>(not used)</option>
          {props.fields.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
              {f.required ? " (required)" : ""}
            </option>
          ))}
        </Select>
      </Field>
    </li>
  );
}

/** Where the sheet's entity comes from, for the dropdown's hint. */
function entityHint(source: PreviewSource): string {
  if (source.entityHow === "chosen") {
    return `Chosen by you (the headers suggest ${source.proposedEntity ?? "not a table"}).`;
  }
  if (source.entityHow === "saved") return "Saved with this layout's mapping on PMO Settings.";
  if (source.entity === null) return "No register entity matched its headers.";
  return `Proposed from its headers, ${percent(source.confidence)} sure.`;
}

function EntityChoice(props: {
  source: PreviewSource;
  preview: MappingPreview;
  label: string;
  disabled: boolean;
  onEntity: OnEntity;
  selects: EntitySelects;
}): JSX.Element {
  const styles = useStyles();
  const { source } = props;
  const low = source.entityHow === "classified" && source.entity !== null && source.confidence < LOW_CONFIDENCE;
  return (
    <Field
      size="small"
      label={{ children: props.label, className: styles.label }}
      hint={`${low ? "Check: " : ""}${entityHint(source)}`}
    >
      <Select
        size="small"
        ref={(el) => {
          props.selects.set(source.sheetKey, el);
        }}
        value={source.entity ?? SKIP}
        disabled={props.disabled}
        onChange={(_, data) => props.onEntity(source, data.value === SKIP ? null : (data.value as EntityName))}
      >
        {props.preview.entityChoices.map((e) => (
          <option key={e.name} value={e.name}>
            {e.name}
          </option>
        ))}
        <option value={SKIP}>Not a table / skip</option>
      </Select>
    </Field>
  );
}

function SourceReview(props: {
  source: PreviewSource;
  preview: MappingPreview;
  edits: MappingEdits;
  disabled: boolean;
  onChange: (source: PreviewSource, key: string, field: string | null) => void;
  entityLabel: string;
  onEntity: OnEntity;
  selects: EntitySelects;
}): JSX.Element {
  const styles = useStyles();
  const headingId = useId();
  const { source } = props;
  const fields = source.entity ? (props.preview.fields[source.entity] ?? []) : [];
  const mine = source.headerSignature ? (props.edits[source.headerSignature] ?? {}) : {};
  const editable = source.columns.filter((c) => c.editable);
  const months = source.columns.length - editable.length;
  const toCheck = editable.filter(isLow).length;
  return (
    <section className={styles.source} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {source.file} › {source.sheet}
      </h3>
      <EntityChoice
        source={source}
        preview={props.preview}
        label={props.entityLabel}
        disabled={props.disabled}
        onEntity={props.onEntity}
        selects={props.selects}
      />
      <div className={styles.line}>
        <Text size={200}>
          {source.rows} row{source.rows === 1 ? "" : "s"}
          {toCheck > 0 ? ` · ${toCheck} column${toCheck === 1 ? "" : "s"} to check` : ""}
        </Text>
      </div>
      {months > 0 && (
        <Text size={200} className={styles.muted}>
          {months} month column{months === 1 ? " is" : "s are"} read as one row per month.
        </Text>
      )}
      <ul className={styles.columns} aria-label={`Columns of ${source.sheet}`}>
        {editable.map((column) => (
          <ColumnChoice
            key={column.key}
            column={column}
            value={column.key in mine ? mine[column.key] : column.field}
            fields={fields}
            disabled={props.disabled}
            onChange={(field) => props.onChange(source, column.key, field)}
          />
        ))}
      </ul>
    </section>
  );
}

export default function MappingReview(props: {
  preview: MappingPreview;
  edits: MappingEdits;
  onEdits: (edits: MappingEdits) => void;
  disabled: boolean;
  writeLabel: string;
  onWrite: () => void;
  onClose: () => void;
  /** A sheet's entity was changed: the parent re-proposes that sheet and passes the new preview. */
  onEntity: OnEntity;
}): JSX.Element {
  const styles = useStyles();
  const [announcement, setAnnouncement] = useState("");
  const selects = useRef<EntitySelects>(new Map());
  // The sheet whose entity is being changed: once its new proposal is shown, focus and a sentence return to it.
  const [pending, setPending] = useState<{ sheetKey: string; from: MappingPreview } | null>(null);
  const read = props.preview.sources.filter((s) => s.entity !== null);
  const skipped = props.preview.sources.filter((s) => s.entity === null);
  const changedCount = Object.values(props.edits).reduce((n, e) => n + Object.keys(e).length, 0);
  const entityCount = Object.keys(props.preview.entityOverrides).length;
  // A sheet name found in more than one file is labelled with its file too, so every dropdown's name is unique.
  const entityLabel = (s: PreviewSource) =>
    new Set(props.preview.sources.filter((x) => x.sheet === s.sheet).map((x) => x.file)).size > 1
      ? `Read ${s.file} › ${s.sheet} as`
      : `Read ${s.sheet} as`;

  useEffect(() => {
    if (pending === null || props.disabled) return;
    const now = props.preview.sources.find((s) => s.sheetKey === pending.sheetKey);
    // The same preview back means the change failed (the section says why) or was cancelled.
    if (props.preview === pending.from || !now) setAnnouncement("");
    else {
      setAnnouncement(
        now.entity === null
          ? `${now.sheet} will not be read.`
          : `${now.sheet} is read as ${now.entity}: its columns were proposed again.`,
      );
    }
    selects.current.get(pending.sheetKey)?.focus();
    setPending(null);
  }, [pending, props.disabled, props.preview]);

  function changeEntity(source: PreviewSource, entity: EntityName | null): void {
    setPending({ sheetKey: source.sheetKey, from: props.preview });
    setAnnouncement(`Reading ${source.sheet} again as ${entity ?? "not a table"}…`);
    props.onEntity(source, entity);
  }

  function change(source: PreviewSource, key: string, field: string | null): void {
    const mine = source.headerSignature ? (props.edits[source.headerSignature] ?? {}) : {};
    const current = (c: PreviewColumn) => (c.key in mine ? mine[c.key] : c.field);
    const result = chooseField(source, current, props.edits, key, field);
    props.onEdits(result.edits);
    setAnnouncement(
      result.cleared.length > 0
        ? `${field} moved to "${key}"; ${result.cleared.map((h) => `"${h}"`).join(", ")} now not used.`
        : "",
    );
  }

  return (
    <section className={styles.root} aria-label="Review mapping">
      <Text>
        {read.length === 0
          ? "No sheet was recognised as register data."
          : `${read.length} sheet${read.length === 1 ? "" : "s"} found. Check what each sheet holds and each column's field (marked ones are guesses), change any that are wrong, then write the register. Nothing has been written yet.`}
      </Text>
      {read.map((source, i) => (
        <SourceReview
          key={`${i}|${source.file}|${source.sheet}`}
          source={source}
          preview={props.preview}
          edits={props.edits}
          disabled={props.disabled}
          onChange={change}
          entityLabel={entityLabel(source)}
          onEntity={changeEntity}
          selects={selects.current}
        />
      ))}
      {(skipped.length > 0 || props.preview.unread.length > 0) && (
        <section className={styles.source} aria-label="Not read">
          <Text weight="semibold">Not read</Text>
          <ul className={styles.list}>
            {props.preview.unread.map((u, i) => (
              <li key={`u${i}`}>
                <Text size={200}>{u.message}</Text>
              </li>
            ))}
            {skipped.map((s, i) => (
              <li key={`s${i}`} className={styles.skipped}>
                <Text size={200}>
                  {s.file} › {s.sheet}: {s.skipped}
                </Text>
                <EntityChoice
                  source={s}
                  preview={props.preview}
                  label={entityLabel(s)}
                  disabled={props.disabled}
                  onEntity={changeEntity}
                  selects={selects.current}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      <div role="status" aria-live="polite">
        <Text size={200}>{announcement || changesText(entityCount, changedCount)}</Text>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={props.disabled || read.length === 0} onClick={props.onWrite}>
          {props.writeLabel}
        </Button>
        <Button disabled={props.disabled} onClick={props.onClose}>
          Close review
        </Button>
      </div>
    </section>
  );
}
