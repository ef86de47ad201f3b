import type { ChartBlock } from "../spec";

/**
 * PLACEHOLDER written by the xlsx-adapter helper so the adapter compiles before the chart-parts
 * helper delivers the real file (which replaces this one). Adds native chart parts to an .xlsx.
 */
export async function addChartParts(
  xlsx: Uint8Array,
  charts: { sheet: string; chart: ChartBlock }[],
): Promise<Uint8Array> {
  if (charts.length === 0) return xlsx;
  throw new Error("chart parts not available");
}
