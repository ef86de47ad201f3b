/**
 * Dependency cycles: Tarjan's strongly connected components (iterative, so 10,000 chained projects
 * do not overflow the stack), then one concrete cycle per component so the message can name it
 * member by member ("P-1 → P-2 → P-3 → P-1").
 */
export function stronglyConnected(nodes: string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const succ = edges.get(top.node) ?? [];
      if (top.i < succ.length) {
        const w = succ[top.i++];
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        out.push(comp);
      }
    }
  }
  return out;
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
  return stronglyConnected(nodes, edges)
    .filter((c) => c.length > 1 || (edges.get(c[0]) ?? []).includes(c[0]))
    .map((c) => cycleThrough(c, edges))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
