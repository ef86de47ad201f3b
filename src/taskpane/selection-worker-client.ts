import type { SelectionInput, SelectionOptions, SelectionResult } from "../analysis/prioritise/selection-types";
import { selectWithWorker, type SelectionWorker } from "./selection-in-worker";

/** The pane's worker has no DOM: the solver (HiGHS in WebAssembly) runs there so Excel stays responsive. */
function startWorker(): SelectionWorker {
  // webpack turns this into its own worker chunk (and emits highs.wasm beside it); tsc's CommonJS
  // module setting, used for Jest and the CLI, does not know import.meta, and this file never runs there.
  // @ts-expect-error -- import.meta is valid here: webpack compiles this file as an ES module.
  return new Worker(new URL("./selection-worker.ts", import.meta.url)) as SelectionWorker;
}

/** Portfolio selection in a Web Worker: cancel with `signal`, or `stop` to keep the best so far (see selectWithWorker). */
export function selectInWorker(input: SelectionInput, options: SelectionOptions): Promise<SelectionResult> {
  return selectWithWorker(startWorker, input, options);
}
