/**
 * Dependency cycles: Tarjan's strongly connected components, written with an explicit stack so a
 * chain of 10,000 dependencies cannot overflow the call stack. Nodes are 0..n−1; `succ` is an
 * adjacency list in CSR form (successors of v are succ[start[v]] … succ[start[v + 1] − 1]).
 * Returns each component that is a cycle (two or more nodes, or one node linked to itself).
 */
export function cyclicComponents(n: number, start: Int32Array, succ: Int32Array): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  // The DFS frame: the node and the position of the next edge to look at.
  const frameNode = new Int32Array(n);
  const frameEdge = new Int32Array(n);
  const out: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    frameNode[0] = root;
    frameEdge[0] = start[root];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth >= 0) {
      const v = frameNode[depth];
      const e = frameEdge[depth];
      if (e < start[v + 1]) {
        frameEdge[depth] = e + 1;
        const w = succ[e];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          depth++;
          frameNode[depth] = w;
          frameEdge[depth] = start[w];
        } else if (onStack[w]) {
          if (index[w] < low[v]) low[v] = index[w];
        }
        continue;
      }
      // All of v's edges are done: close its component if v is its root, then return to the parent.
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || hasSelfLoop(v, start, succ)) out.push(component);
      }
      depth--;
      if (depth >= 0) {
        const parent = frameNode[depth];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return out;
}

function hasSelfLoop(v: number, start: Int32Array, succ: Int32Array): boolean {
  for (let e = start[v]; e < start[v + 1]; e++) if (succ[e] === v) return true;
  return false;
}
