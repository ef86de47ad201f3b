import { FakeContext, type FakeStats } from "./excel-fake-client";
import {
  FakeExcelError,
  formatAddress,
  parseAddress,
  SheetModel,
  WorkbookModel,
  type CellModel,
  type Scalar,
} from "./excel-fake-model";
import { FakeApplication, FakeWorkbook } from "./excel-fake-sheets";

/**
 * A strict fake of the part of Excel's JavaScript API the add-in uses, for Jest and for the
 * browser tests (no Node-only imports: `installExcelFake(window)` from an init script puts
 * `Excel` and `Office` globals in place). `createExcelFake()` gives a `run` with the shape of
 * `Excel.run`, the sync/byte statistics, accessors to assert on the workbook, and `seedSheet` to
 * set up user data. See excel-fake-client.ts for what "strict" means.
 */
export { FakeExcelError, type FakeStats };
export type { SheetModel, WorkbookModel };

export interface ExcelFakeOptions {
  /** Highest supported ExcelApi version, e.g. "1.9" (default "1.20"). */
  apiVersion?: string;
  /** Sheets the workbook starts with (default ["Sheet1"], like a new workbook). */
  sheets?: string[];
}

export interface SeedOptions {
  /** Top-left cell of `values` (default "A1"). */
  origin?: string;
  /** Number formats aligned with `values` (null = General). */
  numberFormats?: (string | null)[][];
  hidden?: boolean;
  /** Excel tables on the seeded sheet: name and address (e.g. "B11:F20"). */
  tables?: { name: string; address: string }[];
}

export interface CellView {
  value: Scalar | null;
  formula: string | null;
  numberFormat: string;
  /** The cell holds a string that is not a formula. */
  isText: boolean;
  hyperlink: Record<string, string> | null;
  font: Record<string, unknown> | null;
  fill: string | null;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export function createExcelFake(options: ExcelFakeOptions = {}) {
  const apiMinor = Number((options.apiVersion ?? "1.20").split(".")[1]);
  const model = new WorkbookModel();
  for (const name of options.sheets ?? ["Sheet1"]) model.addSheet(name);
  const stats: FakeStats = {
    syncs: 0,
    runs: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    batches: [],
    suspendCalculationCalls: 0,
    suspendScreenUpdatingCalls: 0,
    mergeUndoGroupRuns: 0,
  };
  const host = { model, stats, apiMinor };

  async function runImpl<T>(a: Excel.RunOptions | Batch<T>, b?: Batch<T>): Promise<T> {
    const batch = typeof a === "function" ? a : b;
    const runOptions = typeof a === "function" ? {} : a;
    if (!batch) throw new TypeError("fake: Excel.run needs a batch function");
    if (runOptions.mergeUndoGroup) {
      if (apiMinor < 20) throw new FakeExcelError("ApiNotFound", "mergeUndoGroup needs ExcelApi 1.20.");
      stats.mergeUndoGroupRuns += 1;
    }
    stats.runs += 1;
    const context = new FakeContext(host);
    const shaped = Object.assign(context, {
      workbook: new FakeWorkbook(context),
      application: new FakeApplication(context),
    });
    const result = await batch(shaped as unknown as Excel.RequestContext);
    // Excel.run sends whatever is still queued when the batch function returns.
    if (context.pending > 0) await context.sync();
    return result;
  }

  const isSetSupported = (name: string, version: string): boolean => {
    if (name !== "ExcelApi") return false;
    const [major, minor] = version.split(".").map(Number);
    return major === 1 && (minor ?? 0) <= apiMinor;
  };

  const createWorkbook = async (base64?: string): Promise<void> => {
    if (apiMinor < 8) throw new FakeExcelError("ApiNotFound", "createWorkbook needs ExcelApi 1.8.");
    const binary = atob(base64 ?? "");
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    model.createdWorkbooks.push(bytes);
  };

  function cell(sheetName: string, address: string): CellView {
    const sheet = model.sheet(sheetName);
    const { rect } = parseAddress(address);
    const c: CellModel | undefined = sheet.cell(rect.top, rect.left);
    return {
      value: c?.value ?? null,
      formula: c?.formula ?? null,
      numberFormat: c?.format ?? "General",
      isText: typeof c?.value === "string" && c.formula === undefined,
      hyperlink: c?.hyperlink ?? null,
      font: c?.font ?? null,
      fill: c?.fill ?? null,
    };
  }

  /** What `Range.values` would return for an address (formulas read as "#NAME?"). */
  function values(sheetName: string, address: string): Scalar[][] {
    const sheet = model.sheet(sheetName);
    const { rect } = parseAddress(address);
    const out: Scalar[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(sheet.readValue(r, c));
      out.push(row);
    }
    return out;
  }

  function seedSheet(name: string, rows: (Scalar | Date | null)[][], seed: SeedOptions = {}): SheetModel {
    const sheet = model.findSheet(name) ?? model.addSheet(name);
    const { rect } = parseAddress(seed.origin ?? "A1");
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const format = seed.numberFormats?.[r]?.[c] ?? null;
        if (v === null && format === null) return;
        const target = sheet.ensure(rect.top + r, rect.left + c);
        if (v instanceof Date) {
          target.value = v.getTime() / 86_400_000 + 25_569;
          target.format = format ?? "yyyy-mm-dd";
        } else {
          target.value = v;
          if (format !== null && format !== "General") target.format = format;
        }
      }),
    );
    if (seed.hidden) sheet.visibility = "Hidden";
    for (const t of seed.tables ?? []) {
      model.checkNewName(t.name);
      model.tables.push({ name: t.name, sheet, rect: parseAddress(t.address).rect, style: "TableStyleMedium2" });
    }
    return sheet;
  }

  return {
    run: runImpl as unknown as typeof Excel.run,
    isSetSupported,
    createWorkbook,
    stats,
    model,
    resetStats(): void {
      Object.assign(stats, { syncs: 0, runs: 0, maxRequestBytes: 0, maxResponseBytes: 0, batches: [] });
      Object.assign(stats, { suspendCalculationCalls: 0, suspendScreenUpdatingCalls: 0, mergeUndoGroupRuns: 0 });
    },
    seedSheet,
    sheetNames: (): string[] => model.sheets.map((s) => s.name),
    sheet: (name: string): SheetModel => model.sheet(name),
    cell,
    values,
    tables: () =>
      model.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: formatAddress(t.sheet.name, t.rect),
        style: t.style,
      })),
    names: () => model.names.map((n) => ({ ...n })),
    createdWorkbooks: model.createdWorkbooks,
  };
}

export type ExcelFake = ReturnType<typeof createExcelFake>;

/**
 * Puts `Excel` and `Office` globals backed by a fake on `target` (a browser window from an init
 * script, or globalThis in a test) and returns the fake.
 */
export function installExcelFake(target: object = globalThis, fake: ExcelFake = createExcelFake()): ExcelFake {
  const office = {
    context: { requirements: { isSetSupported: fake.isSetSupported } },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
  };
  Object.assign(target, { Excel: { run: fake.run, createWorkbook: fake.createWorkbook }, Office: office });
  return fake;
}
