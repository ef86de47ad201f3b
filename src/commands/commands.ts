/**
 * The ribbon's function file. The only ribbon button opens the task pane (a ShowTaskpane action,
 * handled by Office itself), so there are no function commands to associate yet. Office still
 * loads this page for the FunctionFile entry and waits for onReady; when a function command is
 * added to the manifest, register it here with Office.actions.associate("<FunctionName>", fn),
 * and complete every call with event.completed().
 */
const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === "function") {
  void office.onReady();
}
