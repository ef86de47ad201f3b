/**
 * Which Excel API requirement sets the host supports, tested once per command. The manifest
 * declares the minimum (ExcelApi 1.4: null-object getters); everything newer is feature-tested so
 * that older hosts still get the data, only without the extras.
 */
export type IsSetSupported = (name: string, version: string) => boolean;

export interface ExcelFeatures {
  /** 1.6: conditional formats, suspendApiCalculationUntilNextSync. */
  conditionalFormats: boolean;
  suspendCalculation: boolean;
  /** 1.7: Range.hyperlink, chart series add/setValues/setXAxisValues. */
  hyperlinks: boolean;
  chartSeries: boolean;
  /** 1.8: data validation, Excel.createWorkbook. */
  dataValidation: boolean;
  createWorkbook: boolean;
  /** 1.9: suspendScreenUpdatingUntilNextSync, page layout. */
  suspendScreenUpdating: boolean;
  pageLayout: boolean;
  /** 1.10: comments (used for cell notes). */
  comments: boolean;
  /** 1.20: Excel.run({ mergeUndoGroup: true }) makes one command one undo step. */
  mergeUndoGroup: boolean;
}

export function detectFeatures(isSetSupported: IsSetSupported): ExcelFeatures {
  const at = (version: string) => {
    try {
      return isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
  const v16 = at("1.6");
  const v17 = at("1.7");
  const v18 = at("1.8");
  const v19 = at("1.9");
  return {
    conditionalFormats: v16,
    suspendCalculation: v16,
    hyperlinks: v17,
    chartSeries: v17,
    dataValidation: v18,
    createWorkbook: v18,
    suspendScreenUpdating: v19,
    pageLayout: v19,
    comments: at("1.10"),
    mergeUndoGroup: at("1.20"),
  };
}

/** The host's own test, through the global `Office` (false outside Office, so nothing optional runs). */
export function officeIsSetSupported(name: string, version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported(name, version);
}
