import { useRef } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start" },
  input: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** File mode: pick a register workbook built earlier (by the pane or `pmo build`) to carry on with this month's steps. */
export function OpenRegisterFile(props: { disabled: boolean; onOpen: (file: File) => void }): JSX.Element {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <Text size={200}>Already have a register workbook? Carry on with it instead of building.</Text>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Register workbook (.xlsx)"
        tabIndex={-1}
        disabled={props.disabled}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) props.onOpen(file);
        }}
      />
      <Button size="small" disabled={props.disabled} onClick={() => input.current?.click()}>
        Open a register workbook…
      </Button>
    </div>
  );
}
