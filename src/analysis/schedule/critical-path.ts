import { isoFromEpochDay, type IsoDate, epochDay } from "../../domain/dates";
import { compareIds } from "../../domain/ids";
import { cyclicComponents } from "./cycles";
import type { ScheduleItem, ScheduleLink } from "./schedule-inputs";

/**
 * Critical path method over projects and milestones (docs/domain.md "Critical path").
 * Forward pass for early dates, backward pass for late dates, total float = late − early start.
 * Each weakly-connected network starts at the earliest start among its projects; items with no
 * predecessor start there. Cycles are found first (Tarjan) and their members, with everything
 * that depends on them, are left out with a reason so the rest of the network is still analysed.
 * Everything is linear in items + links: arrays indexed by item, links in CSR adjacency, a
 * topological order from Kahn's algorithm, and no recursion.
 */
export interface ItemSchedule {
  id: string;
  kind: ScheduleItem["kind"];
  durationDays: number | null;
  earlyStart: IsoDate | null;
  earlyFinish: IsoDate | null;
  lateStart: IsoDate | null;
  lateFinish: IsoDate | null;
  totalFloatDays: number | null;
  critical: boolean;
  /** Index into `networks`, or null when the item could not be scheduled. */
  network: number | null;
  /** Why the item has no schedule (missing dates, in a cycle, depends on such an item). */
  reason?: string;
}

export interface ScheduleNetwork {
  start: IsoDate;
  finish: IsoDate;
  durationDays: number;
  /** One driving chain of critical items, first to last. */
  criticalPath: string[];
  /** All critical items of the network, by early start then id. */
  critical: string[];
  members: string[];
}

export interface CriticalPathResult {
  items: Record<string, ItemSchedule>;
  networks: ScheduleNetwork[];
  /** Each cycle's members, in code-point order; cycles listed by their first member. */
  cycles: string[][];
  /** Links that could not be used, and why (unknown item, duplicate item id). */
  ignoredLinks: { link: ScheduleLink; reason: string }[];
}

const LINK_CODE = { FS: 0, SS: 1, FF: 2, SF: 3 } as const;

export function criticalPath(items: ScheduleItem[], links: ScheduleLink[]): CriticalPathResult {
  // Index items; a repeated id keeps its first occurrence.
  const indexOf = new Map<string, number>();
  const nodes: ScheduleItem[] = [];
  for (const item of items) {
    if (indexOf.has(item.id)) continue;
    indexOf.set(item.id, nodes.length);
    nodes.push(item);
  }
  const n = nodes.length;

  // Resolve links and build the successor adjacency (CSR), keeping each edge's type and lag.
  const ignoredLinks: CriticalPathResult["ignoredLinks"] = [];
  const from: number[] = [];
  const to: number[] = [];
  const code: number[] = [];
  const lag: number[] = [];
  for (const link of links) {
    const p = indexOf.get(link.predecessorId);
    const s = indexOf.get(link.successorId);
    if (p === undefined || s === undefined) {
      const missing = p === undefined ? link.predecessorId : link.successorId;
      ignoredLinks.push({ link, reason: `${missing} is not a scheduled project or milestone` });
      continue;
    }
    from.push(p);
    to.push(s);
    code.push(LINK_CODE[link.type] ?? 0);
    // Calendar dates are whole days: a fractional lag is rounded.
    lag.push(Number.isFinite(link.lagDays) ? Math.round(link.lagDays) : 0);
  }
  const m = from.length;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[from[e] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const succ = new Int32Array(m);
  const edgeOf = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const slot = fill[from[e]]++;
    succ[slot] = to[e];
    edgeOf[slot] = e;
  }

  const reason: (string | undefined)[] = new Array(n);
  const dur = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const d = nodes[v].durationDays;
    if (d === null || !Number.isFinite(d) || d < 0) reason[v] = nodes[v].reason ?? "no duration";
    else dur[v] = Math.round(d);
  }

  // Cycles, then everything downstream of a cycle or of an item without dates is set aside.
  const cycles = cyclicComponents(n, start, succ)
    .map((c) => c.map((v) => nodes[v].id).sort(compareIds))
    .sort((a, b) => compareIds(a[0], b[0]));
  for (const members of cycles) {
    // Every member carries this text: name a long cycle by its first few members only.
    const named =
      members.length > 10
        ? `${members.slice(0, 10).join(", ")}, … and ${members.length - 10} more`
        : members.join(", ");
    const text = `in a dependency cycle (${named})`;
    for (const id of members) reason[indexOf.get(id) as number] = text;
  }
  excludeDependants(n, start, succ, nodes, reason);

  // Topological order of what is left (Kahn), over links between schedulable items only.
  const indeg = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    if (reason[v] !== undefined) continue;
    for (let e = start[v]; e < start[v + 1]; e++) if (reason[succ[e]] === undefined) indeg[succ[e]]++;
  }
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (reason[v] === undefined && indeg[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++];
    for (let e = start[v]; e < start[v + 1]; e++) {
      const w = succ[e];
      if (reason[w] === undefined && --indeg[w] === 0) order[tail++] = w;
    }
  }
  const scheduled = tail;

  // Weakly-connected networks (union-find) and each network's start date.
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  for (let i = 0; i < scheduled; i++) {
    const v = order[i];
    for (let e = start[v]; e < start[v + 1]; e++) {
      if (reason[succ[e]] !== undefined) continue;
      const a = find(v);
      const b = find(succ[e]);
      if (a !== b) parent[a] = b;
    }
  }
  const projectStart = new Float64Array(n).fill(Infinity);
  const anyStart = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < scheduled; i++) {
    const v = order[i];
    const s = nodes[v].start;
    if (s === null) continue;
    const day = epochDay(s);
    const r = find(v);
    if (nodes[v].kind === "project" && day < projectStart[r]) projectStart[r] = day;
    if (day < anyStart[r]) anyStart[r] = day;
  }

  // Forward pass: early start = the latest of the network start and every predecessor's constraint.
  // `driver` remembers which predecessor set it, so a critical chain can be walked back later.
  const es = new Float64Array(n);
  const driver = new Int32Array(n).fill(-1);
  for (let i = 0; i < scheduled; i++) {
    const v = order[i];
    const r = find(v);
    es[v] = projectStart[r] !== Infinity ? projectStart[r] : anyStart[r];
  }
  for (let i = 0; i < scheduled; i++) {
    const v = order[i];
    if (!Number.isFinite(es[v])) continue;
    const ef = es[v] + dur[v];
    for (let slot = start[v]; slot < start[v + 1]; slot++) {
      const w = succ[slot];
      if (reason[w] !== undefined) continue;
      const e = edgeOf[slot];
      const c = code[e];
      // FS and FF hang off the predecessor's finish, SS and SF off its start; FF and SF constrain
      // the successor's finish, so its duration is taken off to get a start.
      const base = c === 0 || c === 2 ? ef : es[v];
      const constraint = base + lag[e] - (c >= 2 ? dur[w] : 0);
      if (constraint > es[w] || (constraint === es[w] && driver[w] === -1)) {
        es[w] = constraint;
        driver[w] = v;
      }
    }
  }

  // Network finish, then the backward pass for late dates (the mirror image of the forward pass).
  const finishOf = new Float64Array(n).fill(-Infinity);
  for (let i = 0; i < scheduled; i++) {
    const v = order[i];
    const r = find(v);
    if (es[v] + dur[v] > finishOf[r]) finishOf[r] = es[v] + dur[v];
  }
  const lf = new Float64Array(n);
  for (let i = scheduled - 1; i >= 0; i--) {
    const v = order[i];
    let late = finishOf[find(v)];
    for (let slot = start[v]; slot < start[v + 1]; slot++) {
      const w = succ[slot];
      if (reason[w] !== undefined) continue;
      const e = edgeOf[slot];
      const c = code[e];
      const base = c === 0 || c === 1 ? lf[w] - dur[w] : lf[w];
      const bound = base - lag[e] + (c === 1 || c === 3 ? dur[v] : 0);
      if (bound < late) late = bound;
    }
    lf[v] = late;
  }

  // Assemble: per-item results, then one entry per network in order of first appearance.
  const iso = isoCache();
  const out = Object.create(null) as Record<string, ItemSchedule>;
  const netOfRoot = new Map<number, number>();
  const networkRoots: number[] = [];
  const members: number[][] = [];
  for (let v = 0; v < n; v++) {
    const node = nodes[v];
    const r = find(v);
    if (reason[v] !== undefined || !Number.isFinite(es[v])) {
      out[node.id] = unscheduled(node, reason[v] ?? "no dated project or milestone in its network");
      continue;
    }
    let net = netOfRoot.get(r);
    if (net === undefined) {
      net = networkRoots.length;
      netOfRoot.set(r, net);
      networkRoots.push(r);
      members.push([]);
    }
    members[net].push(v);
    const float = lf[v] - dur[v] - es[v];
    out[node.id] = {
      id: node.id,
      kind: node.kind,
      durationDays: dur[v],
      earlyStart: iso(es[v]),
      earlyFinish: iso(es[v] + dur[v]),
      lateStart: iso(lf[v] - dur[v]),
      lateFinish: iso(lf[v]),
      totalFloatDays: float,
      critical: float <= 0,
      network: net,
    };
  }
  const networks = networkRoots.map((r, net): ScheduleNetwork => {
    const startDay = projectStart[r] !== Infinity ? projectStart[r] : anyStart[r];
    const critical = members[net]
      .filter((v) => lf[v] - dur[v] - es[v] <= 0)
      .sort((a, b) => es[a] - es[b] || dur[a] - dur[b] || compareIds(nodes[a].id, nodes[b].id));
    return {
      start: iso(startDay),
      finish: iso(finishOf[r]),
      durationDays: finishOf[r] - startDay,
      criticalPath: drivingChain(critical, finishOf[r], es, dur, driver, nodes),
      critical: critical.map((v) => nodes[v].id),
      members: members[net].map((v) => nodes[v].id),
    };
  });
  return { items: out, networks, cycles, ignoredLinks };
}

/**
 * One chain through the critical items: from the critical item that finishes the network (the
 * first by id when several do), back through the predecessors that set each early start. The
 * predecessor that drives a critical item is itself critical, so the walk stays on the chain.
 */
function drivingChain(
  critical: number[],
  finish: number,
  es: Float64Array,
  dur: Float64Array,
  driver: Int32Array,
  nodes: ScheduleItem[],
): string[] {
  let end = -1;
  for (const v of critical) {
    if (es[v] + dur[v] !== finish) continue;
    if (end === -1 || compareIds(nodes[v].id, nodes[end].id) < 0) end = v;
  }
  const chain: string[] = [];
  for (let v = end; v !== -1; v = driver[v]) chain.push(nodes[v].id);
  return chain.reverse();
}

/** Marks every item reachable from an unschedulable one, naming the item it depends on. */
function excludeDependants(
  n: number,
  start: Int32Array,
  succ: Int32Array,
  nodes: ScheduleItem[],
  reason: (string | undefined)[],
): void {
  const queue: number[] = [];
  const root = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (reason[v] === undefined) continue;
    root[v] = v;
    queue.push(v);
  }
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (let e = start[v]; e < start[v + 1]; e++) {
      const w = succ[e];
      if (reason[w] !== undefined) continue;
      const r = root[v];
      root[w] = r;
      reason[w] = `depends on ${nodes[r].id}, which cannot be scheduled (${reason[r]})`;
      queue.push(w);
    }
  }
}

function unscheduled(node: ScheduleItem, reason: string): ItemSchedule {
  return {
    id: node.id,
    kind: node.kind,
    durationDays: node.durationDays,
    earlyStart: null,
    earlyFinish: null,
    lateStart: null,
    lateFinish: null,
    totalFloatDays: null,
    critical: false,
    network: null,
    reason,
  };
}

/** Day number → ISO text, memoised: a portfolio's dates repeat a lot and Date objects are not free. */
function isoCache(): (day: number) => IsoDate {
  const cache = new Map<number, IsoDate>();
  return (day) => {
    let s = cache.get(day);
    if (s === undefined) {
      s = isoFromEpochDay(day);
      cache.set(day, s);
    }
    return s;
  };
}
