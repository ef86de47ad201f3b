/**
 * Where the pane is running. Inside Excel it works on the open workbook ("excel" mode); anywhere
 * else (a browser tab, Office without Excel, office.js blocked or unreachable) it works on files
 * the user picks ("file" mode).
 */
export type HostMode = "excel" | "file";

/**
 * Outside Office, `Office.onReady()` resolves with `{ host: null }`; without office.js at all
 * (offline, or a page opened straight from disk) `Office` is undefined — both mean file mode.
 * The host is compared as a string so a test stub need not define the `Office.HostType` enum.
 */
export async function detectHost(): Promise<HostMode> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return "file";
  const info = await office.onReady();
  return String(info?.host) === "Excel" && typeof (globalThis as { Excel?: unknown }).Excel !== "undefined"
    ? "excel"
    : "file";
}
