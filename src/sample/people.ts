import type { Picks } from "./random-picks";
import { FIRST_NAMES, LAST_NAMES } from "./vocabulary";

/**
 * Unique person names drawn without replacement, so a name identifies one person (resources are
 * matched to timesheet rows by name). When the 1,200 first × last pairs run out (large estates),
 * middle initials and then numbers keep names unique.
 */
export class PeopleNames {
  private readonly order: number[];
  private next = 0;

  constructor(picks: Picks) {
    const n = FIRST_NAMES.length * LAST_NAMES.length;
    this.order = picks.sample(
      Array.from({ length: n }, (_, i) => i),
      n,
    );
  }

  take(): string {
    const k = this.next++;
    const pairs = this.order.length;
    const pair = this.order[k % pairs];
    const first = FIRST_NAMES[pair % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(pair / FIRST_NAMES.length)];
    const round = Math.floor(k / pairs);
    if (round === 0) return `${first} ${last}`;
    if (round <= 26) return `${first} ${String.fromCharCode(64 + round)}. ${last}`;
    return `${first} ${last} ${round - 25}`;
  }

  takeMany(count: number): string[] {
    return Array.from({ length: count }, () => this.take());
  }
}
