import type { ReadResult } from "../grid";
import type { ReadOptions, WorkbookPort, WriteOptions } from "../port";
import type { WorkbookSpec } from "../spec";
import { detectFeatures, officeIsSetSupported, type ExcelFeatures, type IsSetSupported } from "./excel-features";
import { readWorkbook } from "./office-read";
import { writeWorkbook, type OfficeWriteReport } from "./office-write";
import { DEFAULT_BUDGET_BYTES } from "./sync-batcher";

/**
 * The port on the workbook open in Excel (Office.js). Everything Excel-specific is injected with
 * defaults from the globals, so tests and the browser harness pass the strict fake instead:
 * `new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported })`.
 */
export interface OfficeWorkbookOptions {
  /** `Excel.run` (default: the global, looked up when first used). */
  run?: typeof Excel.run;
  /** Grid.file of what is read (default "this workbook"). */
  label?: string;
  /** Requirement-set test (default `Office.context.requirements.isSetSupported`). */
  isSetSupported?: IsSetSupported;
  /** `Excel.createWorkbook` (default: the global). */
  createWorkbook?: (base64: string) => Promise<void>;
  /**
   * The workbook uses the 1904 date system. Office.js does not expose the setting, so it must come
   * from elsewhere (the settings sheet, or the caller's knowledge); default false.
   */
  date1904?: boolean;
  /** Bytes per request or response the adapter aims to stay under (default 4,000,000; Excel's limit is 5 MB). */
  budgetBytes?: number;
}

export class OfficeWorkbook implements WorkbookPort {
  readonly label: string;
  private readonly run: typeof Excel.run;
  private readonly isSetSupported: IsSetSupported;
  private readonly createWorkbookFn: (base64: string) => Promise<void>;
  private readonly date1904: boolean;
  private readonly budget: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.label = options.label ?? "this workbook";
    this.run = options.run ?? (((...args: Parameters<typeof Excel.run>) => Excel.run(...args)) as typeof Excel.run);
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported;
    this.createWorkbookFn = options.createWorkbook ?? ((base64) => Excel.createWorkbook(base64));
    this.date1904 = options.date1904 ?? false;
    this.budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  }

  /** The requirement sets this host supports, as the adapter sees them. */
  features(): ExcelFeatures {
    return detectFeatures(this.isSetSupported);
  }

  read(options: ReadOptions = {}): Promise<ReadResult> {
    return this.run((context) =>
      readWorkbook({ context, file: this.label, budget: this.budget, date1904: this.date1904, options }),
    );
  }

  write(spec: WorkbookSpec, options: WriteOptions = {}): Promise<OfficeWriteReport> {
    const features = this.features();
    const batch = (context: Excel.RequestContext) =>
      writeWorkbook(spec, { context, features, budget: this.budget, date1904: this.date1904, options });
    // One command = one undo step where Excel can (ExcelApi 1.20); elsewhere each sync is its own step.
    return features.mergeUndoGroup ? this.run({ mergeUndoGroup: true }, batch) : this.run(batch);
  }

  /** Opens an .xlsx (e.g. the summary built by the xlsx adapter) as a new workbook window (ExcelApi 1.8). */
  async openWorkbookFromBytes(bytes: Uint8Array): Promise<void> {
    if (!this.features().createWorkbook) {
      throw new Error("This version of Excel cannot open a new workbook from the add-in (ExcelApi 1.8 is needed).");
    }
    await this.createWorkbookFn(base64FromBytes(bytes));
  }
}

/** Base64 without Node's Buffer (the adapter runs in the task pane). */
export function base64FromBytes(bytes: Uint8Array): string {
  let binary = "";
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}
