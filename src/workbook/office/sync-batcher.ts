/**
 * Keeps each `context.sync()` under Excel's request limit (5 MB on the web) by counting the bytes
 * of what has been queued and syncing before the next operation would cross the budget. So the
 * number of syncs grows with the size of the data, not with the number of rows or operations.
 */
export const DEFAULT_BUDGET_BYTES = 4_000_000;
/** What a small queued operation (a property set, an add) costs in the request, generously. */
export const SMALL_OP_BYTES = 300;

/** UTF-8 bytes of a string (Excel's limit is on bytes: "£" is 2, most CJK characters 3). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Each half of a surrogate pair counts 2: 4 bytes per pair.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

export class SyncBatcher {
  private used = 0;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    /** Queued at the start of every batch (e.g. suspend calculation until the next sync). */
    private readonly onBatchStart: () => void,
    private readonly signal?: AbortSignal,
  ) {
    this.signal?.throwIfAborted();
    this.onBatchStart();
  }

  get remaining(): number {
    return this.budget - this.used;
  }

  /** Makes room for an operation of `bytes` (syncing first when the batch is too full), then counts it. */
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.budget) await this.flush();
    this.used += bytes;
  }

  /** Sends what is queued and starts the next batch. */
  async flush(): Promise<void> {
    await this.finish();
    this.onBatchStart();
  }

  /** Sends what is queued, starting no new batch (the last sync of a command). */
  async finish(): Promise<void> {
    this.signal?.throwIfAborted();
    await this.context.sync();
    this.syncs += 1;
    this.used = 0;
  }
}
