import { useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FixChange } from "../../standards/safe-fixes";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const KIND: Record<FixChange["kind"], string> = {
  trim: "spaces trimmed",
  case: "capitalisation",
  nearest: "nearest allowed value",
  date: "date normalised",
};

const show = (v: unknown): string => (v === null || v === undefined || v === "" ? "(blank)" : `“${String(v)}”`);

/** "Apply safe fixes": a preview of every change first; nothing is written until the user confirms. */
export function SafeFixes(props: {
  fixes: FixChange[];
  disabled: boolean;
  onApply: (fixes: FixChange[]) => void;
}): JSX.Element | null {
  const styles = useStyles();
  const [previewing, setPreviewing] = useState(false);
  if (props.fixes.length === 0) return null;
  const n = props.fixes.length;
  if (!previewing)
    return (
      <div className={styles.actions}>
        <Button disabled={props.disabled} onClick={() => setPreviewing(true)}>
          Review {n} safe fix{n === 1 ? "" : "es"}…
        </Button>
      </div>
    );
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody className={styles.root}>
        <MessageBarTitle>
          {n} safe fix{n === 1 ? "" : "es"} to the register tables
        </MessageBarTitle>
        <ul className={styles.list} aria-label="Changes to apply">
          {props.fixes.slice(0, 100).map((c) => (
            <li key={`${c.entity}:${c.index}:${c.field}`}>
              <Text size={200}>
                {c.entity} {c.id} {c.field}: {show(c.from)} → {show(c.to)} ({KIND[c.kind]})
              </Text>
            </li>
          ))}
          {n > 100 && (
            <li>
              <Text size={200}>… and {n - 100} more of the same kinds.</Text>
            </li>
          )}
        </ul>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={props.disabled}
            onClick={() => {
              setPreviewing(false);
              props.onApply(props.fixes);
            }}
          >
            Apply {n} fix{n === 1 ? "" : "es"}
          </Button>
          <Button onClick={() => setPreviewing(false)}>Not now</Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
