// The engine's tsconfig (tsconfig.engine.json) has no DOM, worker or Node types, so that `Excel`,
// `document`, `self` and `process` do not compile in src/domain, src/ingest, src/standards,
// src/analysis and src/report. These few globals exist in every host the engine runs in (browser
// page, Web Worker, Node) and are declared here with only the members the engine uses.

/** Cancellation: the engine only asks whether it has fired. */
interface AbortSignal {
  readonly aborted: boolean;
}

/** Used to yield to the event loop between long solves, so a caller's cancel can be heard. */
declare function setTimeout(callback: () => void, ms?: number): unknown;

declare function structuredClone<T>(value: T): T;
