import { FakeExcelError, type WorkbookModel } from "./excel-fake-model";

/**
 * The request/response machinery of the Excel fake, shaped like Office.js: objects are proxies,
 * property sets and method calls are queued, `load()` asks for properties, and only
 * `context.sync()` sends the queue (in order) and fills what was loaded. Reading a property that
 * was not loaded, or before the sync that loads it, throws — as real Excel does — so adapter code
 * that forgets a load or a sync fails here rather than in a customer's workbook. Every sync is
 * counted and measured (JSON bytes of the queued request and of the loaded response); a request
 * or response over 5 MB is rejected like Excel on the web does, and so is a read of more than
 * 5 million cells (real Excel may silently return nothing).
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
export const READ_CELL_LIMIT = 5_000_000;

export interface FakeBatchStats {
  requestBytes: number;
  responseBytes: number;
  ops: number;
}

export interface FakeStats {
  syncs: number;
  runs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  batches: FakeBatchStats[];
  suspendCalculationCalls: number;
  suspendScreenUpdatingCalls: number;
  mergeUndoGroupRuns: number;
}

export interface FakeHost {
  model: WorkbookModel;
  stats: FakeStats;
  /** Highest supported ExcelApi minor version (20 = ExcelApi 1.20). */
  apiMinor: number;
}

interface Op {
  bytes: number;
  apply: () => void;
}

/** UTF-8 bytes of a string: Excel's payload limit counts bytes, not characters. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff)
      n += 2; // each half of a surrogate pair: 4 bytes per pair
    else n += 3;
  }
  return n;
}

export class FakeContext {
  private ops: Op[] = [];
  responseBytes = 0;
  readCells = 0;

  constructor(readonly host: FakeHost) {}

  get pending(): number {
    return this.ops.length;
  }

  requires(minor: number, what: string): void {
    if (this.host.apiMinor < minor) {
      throw new FakeExcelError(
        "ApiNotFound",
        `${what} needs ExcelApi 1.${minor}; this host has 1.${this.host.apiMinor}.`,
      );
    }
  }

  enqueue(kind: string, payload: unknown, apply: () => void): void {
    const bytes = utf8Bytes(JSON.stringify({ kind, payload }));
    this.ops.push({ bytes, apply });
  }

  async sync(): Promise<void> {
    const stats = this.host.stats;
    stats.syncs += 1;
    const ops = this.ops;
    this.ops = [];
    const requestBytes = ops.reduce((n, op) => n + op.bytes, 0);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request of ${requestBytes} bytes is over the ${PAYLOAD_LIMIT_BYTES}-byte limit.`,
      );
    }
    this.responseBytes = 0;
    this.readCells = 0;
    await Promise.resolve();
    for (const op of ops) op.apply();
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, this.responseBytes);
    stats.batches.push({ requestBytes, responseBytes: this.responseBytes, ops: ops.length });
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response of ${this.responseBytes} bytes is over the ${PAYLOAD_LIMIT_BYTES}-byte limit.`,
      );
    }
  }

  countRead(cells: number): void {
    this.readCells += cells;
    if (this.readCells > READ_CELL_LIMIT) {
      throw new FakeExcelError(
        "FakeReadTooLarge",
        `${this.readCells} cells read in one sync (real Excel may return null).`,
      );
    }
  }
}

/** How a proxy finds its model object: already known, recomputed from its parent, or found by a queued step. */
export type Source<M> =
  { now: M } | { lazy: () => M | null } | { queued: string; payload: unknown; find: () => M | null };

const UNBOUND = Symbol("unbound");
/** Names that promise machinery, Jest and debuggers probe on any object. */
const PROBED = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "constructor",
  "inspect",
]);

export abstract class FakeObject<M> {
  private bound: M | null | typeof UNBOUND = UNBOUND;
  private readonly lazy: (() => M | null) | null = null;
  private readonly loadedValues = new Map<string, unknown>();
  private synced = false;
  private readonly children = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeContext,
    protected readonly typeName: string,
    source: Source<M>,
  ) {
    // Reading a member the fake does not model throws, instead of handing the adapter `undefined`.
    const strict = new Proxy(this, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && !(prop in target) && !PROBED.has(prop)) {
          throw new TypeError(`fake: ${typeName}.${prop} is not modelled`);
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    if ("now" in source) {
      this.bound = source.now;
      this.synced = true;
    } else if ("lazy" in source) {
      this.lazy = source.lazy;
    } else {
      ctx.enqueue(source.queued, source.payload, () => {
        this.bound = source.find();
      });
    }
    return strict;
  }

  /** Scalar properties `load()` with no argument loads. */
  protected abstract scalarProps(): string[];
  /** A property's current value in the model: a scalar, a child proxy, or (collections) the items. */
  protected abstract readProp(name: string, model: M): unknown;

  protected target(): M | null {
    if (this.lazy) return this.lazy();
    if (this.bound === UNBOUND) throw new Error(`fake: ${this.typeName} used before the step that finds it ran`);
    return this.bound;
  }

  protected model(): M {
    const m = this.target();
    if (m === null) throw new FakeExcelError("InvalidObjectPath", `The ${this.typeName} is a null object.`);
    return m;
  }

  get isNullObject(): boolean {
    if (!this.synced) {
      throw new FakeExcelError("PropertyNotLoaded", `${this.typeName}.isNullObject read before load() and sync().`);
    }
    return this.target() === null;
  }

  load(arg?: string | string[] | { select?: string; $select?: string }): this {
    let list: string[];
    if (arg === undefined) list = this.scalarProps();
    else if (typeof arg === "string") list = arg.split(",");
    else if (Array.isArray(arg)) list = arg;
    else list = (arg.select ?? arg.$select ?? "").split(",");
    const paths = list
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => p.split("/"));
    this.ctx.enqueue("load", { type: this.typeName, paths }, () => this.applyLoad(paths));
    return this;
  }

  /** @internal */
  applyLoad(paths: string[][]): void {
    this.synced = true;
    const m = this.target();
    if (m === null) return;
    // One model read per property per load, so "items/a,items/b" fills the same item proxies.
    const seen = new Map<string, unknown>();
    for (const path of paths) this.loadPath(path, m, seen);
  }

  protected normalisePath(path: string[]): string[] {
    return path;
  }

  private loadPath(rawPath: string[], m: M, seen: Map<string, unknown>): void {
    const [head, ...rest] = this.normalisePath(rawPath);
    const value = seen.has(head) ? seen.get(head) : this.readProp(head, m);
    seen.set(head, value);
    if (value instanceof FakeObject) {
      value.applyLoad(rest.length > 0 ? [rest] : value.scalarProps().map((p) => [p]));
    } else if (Array.isArray(value) && value.every((v) => v instanceof FakeObject)) {
      for (const item of value as FakeObject<unknown>[]) {
        item.applyLoad(rest.length > 0 ? [rest] : item.scalarProps().map((p) => [p]));
      }
    } else {
      this.ctx.responseBytes += utf8Bytes(JSON.stringify(value ?? null)) + head.length + 4;
    }
    this.loadedValues.set(head, value);
  }

  protected loaded<V>(name: string): V {
    if (!this.loadedValues.has(name)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `${this.typeName}.${name} was not loaded: call load("${name}") and await context.sync() before reading it.`,
      );
    }
    return this.loadedValues.get(name) as V;
  }

  protected queueSet(name: string, value: unknown, apply: (m: M) => void): void {
    this.loadedValues.delete(name);
    this.ctx.enqueue("set", { type: this.typeName, name, value }, () => apply(this.model()));
  }

  protected queueCall(name: string, args: unknown, apply: (m: M) => void): void {
    this.ctx.enqueue("call", { type: this.typeName, name, args }, () => apply(this.model()));
  }

  protected child<C>(key: string, make: () => C): C {
    if (!this.children.has(key)) this.children.set(key, make());
    return this.children.get(key) as C;
  }

  toJSON(): unknown {
    return { type: this.typeName };
  }
}

/** A collection proxy: `load("name")` means `load("items/name")`, as in Office.js. */
export abstract class FakeCollection<M, I> extends FakeObject<M> {
  protected scalarProps(): string[] {
    return ["items"];
  }

  protected override normalisePath(path: string[]): string[] {
    return path[0] === "items" ? path : ["items", ...path];
  }

  get items(): I[] {
    return this.loaded<I[]>("items");
  }
}

/**
 * A write-only bag of nested properties and methods (format.font.bold, title.text,
 * format.fill.setSolidColor) checked against a list of the paths the fake models.
 */
export function makeBag(
  ctx: FakeContext,
  typeName: string,
  allowed: Record<string, "prop" | "method">,
  apply: (path: string, value: unknown) => void,
  prefix = "",
): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
        const path = prefix + prop;
        if (allowed[path] === "method") {
          return (...args: unknown[]) => ctx.enqueue("call", { type: typeName, path, args }, () => apply(path, args));
        }
        if (Object.keys(allowed).some((k) => k.startsWith(`${path}.`))) {
          return makeBag(ctx, typeName, allowed, apply, `${path}.`);
        }
        if (allowed[path] === "prop") {
          throw new FakeExcelError("PropertyNotLoaded", `${typeName}.${path} is write-only in the fake.`);
        }
        throw new TypeError(`fake: ${typeName}.${path} is not modelled`);
      },
      set(_target, prop, value) {
        const path = prefix + String(prop);
        if (allowed[path] !== "prop") throw new TypeError(`fake: ${typeName}.${path} is not a modelled property`);
        ctx.enqueue("set", { type: typeName, path, value }, () => apply(path, value));
        return true;
      },
    },
  );
}
