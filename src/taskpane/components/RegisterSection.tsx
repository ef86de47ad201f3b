import { Suspense, lazy, useState } from "react";
import { Button, Checkbox, Field, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { EntityName } from "../../domain/schema";
import type { BuildOutcome } from "../../pipeline/steps/build";
import { editsWithoutSheet, mappingsFromEdits, type MappingEdits } from "../../pipeline/mapping-edits";
import type { MappingPreview, PreviewSource } from "../../pipeline/preview-mapping";
import type { HostMode } from "../host";
import { changeEntityInReview, previewFromFiles, previewInWorkbook } from "../run-preview";
import { buildFromFiles, buildInWorkbook, type BuildRequest } from "../run-build";
import type { StepRequest } from "../pane-steps";
import { useSession } from "../session";
import { needsConfirm, useStep, type FailureWords } from "../step-runner";
import { StepFeedback } from "./StepFeedback";
import { BuildResults } from "./BuildResults";
import { FilePicker, type FilePickerWords } from "./FilePicker";
import { ImportChanges } from "./ImportChanges";
import { OpenRegisterFile } from "./OpenRegisterFile";

// The review list (and the edit helpers it uses) loads on first "Review mapping", not with the pane.
const MappingReview = lazy(() => import(/* webpackChunkName: "register-review" */ "./MappingReview"));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Inside Excel the picker adds files to the import of the open workbook's own sheets. */
const EXTRA_FILES: FilePickerWords = {
  input: "Files to add to this import (.xlsx or .csv)",
  choose: "Add files to this import…",
  addMore: "Add more files…",
  empty: "Only this workbook's sheets are read. Add .xlsx or .csv trackers to read them too (nothing is uploaded).",
  list: "Files added to this import",
};

/** The build finished: its outcome and (file mode) the register workbook's bytes. */
interface Built {
  outcome: BuildOutcome;
  bytes: Uint8Array | null;
}

/** An import into an existing register, worked out and shown; nothing written until confirmed. */
interface PendingImport extends Built {
  /** How the list was worked out, so the write uses the same. */
  edits: Pick<BuildRequest, "mappings" | "entityOverrides" | "dateOrder">;
  /** File mode: the register the list was worked out against; if another step changes it, the list is stale. */
  basis: Uint8Array | null;
  /** Said above the list when it was worked out again because the workbook changed. */
  changedSince?: boolean;
}

/** Words for a failed build or review, by host: what to check, and that the user's sheets are safe. */
function failureWords(mode: HostMode, reviewing: boolean): FailureWords {
  if (reviewing)
    return {
      title: mode === "excel" ? "This workbook's sheets could not be read" : "The files could not be read",
      advice:
        mode === "excel"
          ? "Make sure no cell is being edited, then review again. Nothing was written."
          : "Check that each file is an .xlsx or .csv tracker that opens in Excel and is not password-protected. Nothing was written.",
    };
  if (mode === "excel")
    return {
      title: "The register could not be written to this workbook",
      advice:
        "Make sure no cell is being edited and the workbook is not protected or read-only, then build again. Your own sheets were not changed.",
    };
  return {
    title: "The files could not be turned into a register",
    advice:
      "Check that each file is an .xlsx or .csv tracker that opens in Excel and is not password-protected, then build again.",
  };
}

export function RegisterSection({
  mode,
  onBuilt,
  disabled = false,
  onOpen,
  register = null,
  hasRegister = false,
}: {
  mode: HostMode;
  /** The build finished: its outcome and (file mode) the register workbook's bytes and name. */
  onBuilt: (outcome: BuildOutcome, bytes: Uint8Array | null, name?: string) => void;
  /** Another step is working on the workbook. */
  disabled?: boolean;
  /** File mode: continue with a register workbook built earlier. */
  onOpen?: (file: File) => void;
  /** File mode: the register workbook open in the pane, which an import can update. */
  register?: { name: string; bytes: Uint8Array } | null;
  /** Excel mode: the workbook already holds a register, so an import is shown before it is written. */
  hasRegister?: boolean;
}): JSX.Element {
  const styles = useStyles();
  const session = useSession();
  const [files, setFiles] = useState<File[]>([]);
  const [dateOrder, setDateOrder] = useState<"dmy" | "mdy">("dmy");
  // The pane's one step runner: progress, Cancel, failures by error class, and the confirm state.
  const step = useStep<Built | null, PendingImport>({
    mode,
    failure: failureWords(mode, false),
    exclusive: session.exclusive,
    name: "Register",
  });
  const state = step.state;
  // File mode with a register open: import into it (keeping analysts' edits) rather than start anew.
  const [intoOpen, setIntoOpen] = useState(true);
  const into = mode === "file" && register && intoOpen ? register : null;
  // Kept apart from the step's state so a cancelled or failed write keeps the user's edits.
  const [review, setReview] = useState<{ preview: MappingPreview; edits: MappingEdits } | null>(null);
  const running = state.kind === "running" || disabled;
  const reviewing = failureWords(mode, true);

  const buildRequest = (request: StepRequest): BuildRequest => ({ ...request, dateOrder });

  /** Reads and maps without writing; the user then corrects the mapping and writes. */
  async function reviewMapping(): Promise<void> {
    await step.run(async (request) => {
      const r = buildRequest(request);
      const preview = mode === "excel" ? await previewInWorkbook(r, files) : await previewFromFiles(files, r);
      setReview({ preview, edits: {} });
      return null;
    }, reviewing);
    step.setState((s) => (s.kind === "done" ? { kind: "idle" } : s));
  }

  /** A sheet's entity changed in the review: that sheet is read again and its columns proposed for the entity. */
  async function changeEntity(source: PreviewSource, entity: EntityName | null): Promise<void> {
    if (!review) return;
    const before = review.preview;
    await step.run(async (request) => {
      const preview = await changeEntityInReview(
        before,
        { sheetKey: source.sheetKey, entity },
        mode,
        files,
        buildRequest(request),
      );
      // Column edits made for the old entity no longer apply to this sheet.
      setReview((r) => (r ? { preview, edits: editsWithoutSheet(before, r.edits, source.sheetKey) } : r));
      return null;
    }, reviewing);
    step.setState((s) => (s.kind === "done" ? { kind: "idle" } : s));
  }

  function finished(built: Built, name?: string): Built {
    setReview(null);
    onBuilt(built.outcome, built.bytes, name);
    return built;
  }

  /**
   * Builds the register. An import into an existing register (the open workbook's in Excel, the
   * open register file in file mode) is worked out first and its change list shown (the confirm
   * state); it is written only when the user confirms (writeConfirmed).
   */
  async function build(): Promise<void> {
    const edits = {
      mappings: review ? mappingsFromEdits(review.preview, review.edits) : undefined,
      entityOverrides: review ? review.preview.entityOverrides : undefined,
      dateOrder,
    };
    await step.run(async (base) => {
      const request = { ...base, ...edits };
      if (mode === "excel") {
        if (hasRegister) {
          const preview = await buildInWorkbook(request, files, false);
          if (preview.changes) return needsConfirm({ outcome: preview, bytes: null, edits, basis: null });
        }
        return finished({ outcome: await buildInWorkbook(request, files), bytes: null });
      }
      const { outcome, bytes } = await buildFromFiles(files, request, into ?? undefined);
      if (outcome.changes) return needsConfirm({ outcome, bytes, edits, basis: into?.bytes ?? null });
      // Into a workbook that held no register yet: its own sheets are kept, so is its name.
      return finished({ outcome, bytes }, into?.name);
    });
  }

  /**
   * Writes an import whose change list the user has seen. The list is worked out again first: if
   * the workbook changed meanwhile (another step wrote to it, a cell was edited) and the list is
   * no longer the one shown, the new list is shown instead of writing.
   */
  async function writeConfirmed(): Promise<void> {
    if (state.kind !== "confirm") return;
    const shown = state.pending;
    if (mode === "file" && register?.bytes === shown.basis) {
      // File mode built the new workbook in memory from the register still open: keeping it is the write.
      const built = finished(shown, register?.name);
      step.setState({ kind: "done", value: built });
      return;
    }
    await step.run(async (base) => {
      const request = { ...base, ...shown.edits };
      if (mode === "file") {
        const again = await buildFromFiles(files, request, register ?? undefined);
        if (!again.outcome.changes) return finished(again, register?.name);
        return needsConfirm({ ...again, edits: shown.edits, basis: register?.bytes ?? null, changedSince: true });
      }
      const again = await buildInWorkbook(request, files, false);
      if (JSON.stringify(again.changes) !== JSON.stringify(shown.outcome.changes) && again.changes)
        return needsConfirm({ ...shown, outcome: again, changedSince: true });
      return finished({ outcome: await buildInWorkbook(request, files), bytes: null });
    });
  }

  return (
    <div className={styles.root}>
      <Text>
        {mode === "excel"
          ? "Reads the trackers in this workbook and any files you add (your sheets are never changed), and writes a canonical register to sheets the add-in owns: Projects, Milestones, Resources and the rest, plus a Mapping sheet."
          : "Reads your tracker files (.xlsx or .csv) in this browser — nothing is uploaded — and builds a register workbook to download."}
      </Text>
      <FilePicker
        files={files}
        disabled={running}
        words={mode === "excel" ? EXTRA_FILES : undefined}
        onChange={(picked) => {
          setFiles(picked);
          // A review of other files no longer shows what will be written.
          setReview(null);
          if (state.kind !== "running") step.setState({ kind: "idle" });
        }}
      />
      <Field label="Dates like 05/02/25 mean" hint="Used only where a column's own dates do not decide it.">
        <Select
          value={dateOrder}
          disabled={running}
          onChange={(_, data) => {
            setDateOrder(data.value === "mdy" ? "mdy" : "dmy");
            // A review or change list read with the other date order no longer shows what will be written.
            setReview(null);
            if (state.kind === "confirm") step.setState({ kind: "idle" });
          }}
        >
          <option value="dmy">5 February 2025 (day first)</option>
          <option value="mdy">2 May 2025 (month first)</option>
        </Select>
      </Field>
      {mode === "file" && register && (
        <Checkbox
          checked={intoOpen}
          disabled={running}
          onChange={(_, d) => setIntoOpen(d.checked === true)}
          label={`Import into ${register.name}, keeping the analysts' edits (otherwise a new register)`}
        />
      )}
      {review === null && state.kind !== "confirm" && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={running || (mode === "file" && files.length === 0)}
            onClick={() => void build()}
          >
            {mode === "excel" ? "Build register from this workbook" : "Build register"}
          </Button>
          <Button disabled={running || (mode === "file" && files.length === 0)} onClick={() => void reviewMapping()}>
            Review mapping
          </Button>
        </div>
      )}
      {review !== null && (
        <Suspense fallback={<Spinner size="small" label="Loading the review…" />}>
          <MappingReview
            preview={review.preview}
            edits={review.edits}
            disabled={running}
            onEdits={(edits) => setReview((r) => (r ? { ...r, edits } : r))}
            writeLabel={mode === "excel" ? "Write register to this workbook" : "Write register"}
            onWrite={() => void build()}
            onEntity={(source, entity) => void changeEntity(source, entity)}
            onClose={() => {
              setReview(null);
              step.setState({ kind: "idle" });
            }}
          />
        </Suspense>
      )}
      {mode === "file" && onOpen && <OpenRegisterFile disabled={running} onOpen={onOpen} />}
      <StepFeedback state={state} onCancel={step.cancel} />
      {state.kind === "confirm" && state.pending.outcome.changes && (
        <ImportChanges
          changes={state.pending.outcome.changes}
          changedSince={state.pending.changedSince === true}
          writeLabel={mode === "excel" ? "Write these changes to this workbook" : "Keep these changes"}
          disabled={disabled}
          onWrite={() => void writeConfirmed()}
          onCancel={() => step.setState({ kind: "cancelled" })}
        />
      )}
      {state.kind === "done" && state.value && <BuildResults outcome={state.value.outcome} mode={mode} />}
    </div>
  );
}
