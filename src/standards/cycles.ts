import { cyclicComponents } from "../analysis/schedule/cycles";

/**
 * Dependency cycles by id, for messages that name a cycle member by member ("P-1 → P-2 → P-3 →
 * P-1"). The components come from the schedule's Tarjan (one implementation, iterative, so 10,000
 * chained projects do not overflow the stack); this file numbers the ids for it and then finds one
 * concrete cycle per component.
 */
export function cyclicIdComponents(nodes: string[], edges: Map<string, string[]>): string[][] {
  // Every node, then every id reached from one (an edge may name an id the node list lacks).
  const ids: string[] = [];
  const number = new Map<string, number>();
  const add = (id: string) => {
    if (!number.has(id)) number.set(id, ids.push(id) - 1);
  };
  nodes.forEach(add);
  for (let v = 0; v < ids.length; v++) (edges.get(ids[v]) ?? []).forEach(add);
  const start = new Int32Array(ids.length + 1);
  const succ: number[] = [];
  ids.forEach((id, v) => {
    for (const w of edges.get(id) ?? []) succ.push(number.get(w)!);
    start[v + 1] = succ.length;
  });
  return cyclicComponents(ids.length, start, Int32Array.from(succ)).map((c) => c.map((v) => ids[v]));
}

/** A cycle through the component's smallest id, found by breadth-first search inside the component. */
export function cycleThrough(component: string[], edges: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const prev = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q];
    for (const w of edges.get(n) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) return rebuild(start, n, prev);
      if (!prev.has(w) && w !== start) {
        prev.set(w, n);
        queue.push(w);
      }
    }
  }
  return [start];
}

function rebuild(start: string, last: string, prev: Map<string, string>): string[] {
  const back: string[] = [];
  for (let x = last; x !== start; x = prev.get(x)!) back.push(x);
  return [start, ...back.reverse(), start];
}

/** All cycles as id paths that begin and end on the same id, in a stable order. */
export function findCycles(nodes: string[], edges: Map<string, string[]>): string[][] {
  return cyclicIdComponents(nodes, edges)
    .map((c) => cycleThrough(c, edges))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
