// Order-preserving maximum-weight matching of two sequences from a sparse list of candidate pairs.

/** A possible pairing of item `oldIndex` of the old sequence with item `newIndex` of the new one. */
export interface CandidatePair {
  oldIndex: number;
  newIndex: number;
  /** How good the pairing is; only positive weights are worth taking. */
  weight: number;
}

/**
 * The subset of `candidates` with the largest total weight in which both indices strictly
 * increase: a weighted LCS over the two sequences, computed only on the candidate cells
 * (O(C log C) with a Fenwick tree of prefix maxima), so 1000 x 1000 articles stay fast.
 * Ties go to the earlier candidate in (oldIndex, newIndex) order, so the result is deterministic.
 *
 * Example: candidates (0,1,1) (1,2,1) (0,0,0.2) -> [(0,1), (1,2)]: the shifted run beats the
 * same-position pair, which is how an inserted article shows as one insertion.
 */
export function findBestChain(candidates: CandidatePair[], newLength: number): CandidatePair[] {
  const sorted = candidates
    .filter((c) => c.weight > 0)
    .sort((a, b) => a.oldIndex - b.oldIndex || a.newIndex - b.newIndex);
  // Fenwick tree over newIndex (1-based) holding [best total, candidate index] for prefixes.
  const treeScore = new Float64Array(newLength + 1);
  const treeAt = new Int32Array(newLength + 1).fill(-1);
  const query = (newIndex: number): [number, number] => {
    let best = 0;
    let at = -1;
    for (let i = newIndex; i > 0; i -= i & -i) {
      const score = treeScore[i] ?? 0;
      if (score > best) {
        best = score;
        at = treeAt[i] ?? -1;
      }
    }
    return [best, at];
  };
  const update = (newIndex: number, score: number, at: number): void => {
    for (let i = newIndex + 1; i <= newLength; i += i & -i) {
      if (score > (treeScore[i] ?? 0)) {
        treeScore[i] = score;
        treeAt[i] = at;
      }
    }
  };
  const total = new Float64Array(sorted.length);
  const previous = new Int32Array(sorted.length).fill(-1);
  let start = 0;
  while (start < sorted.length) {
    // All candidates of one old row read the tree before any of them writes to it,
    // so no chain uses the same old item twice.
    let end = start;
    while (end < sorted.length && sorted[end]?.oldIndex === sorted[start]?.oldIndex) end++;
    for (let k = start; k < end; k++) {
      const c = sorted[k] as CandidatePair;
      const [best, at] = query(c.newIndex);
      total[k] = best + c.weight;
      previous[k] = at;
    }
    for (let k = start; k < end; k++) update((sorted[k] as CandidatePair).newIndex, total[k] ?? 0, k);
    start = end;
  }
  let bestEnd = -1;
  let bestTotal = 0;
  for (let k = 0; k < sorted.length; k++) {
    if ((total[k] ?? 0) > bestTotal + 1e-12) {
      bestTotal = total[k] ?? 0;
      bestEnd = k;
    }
  }
  const chain: CandidatePair[] = [];
  for (let k = bestEnd; k >= 0; k = previous[k] ?? -1) chain.push(sorted[k] as CandidatePair);
  return chain.reverse();
}
