// Old/new pairs worth scoring, found through shared keys and rare features instead of trying every pair.

/** What an item offers for finding its partners: exact keys (a number, a heading, the whole text) and text features. */
export interface CandidateFacts {
  /** Exact keys; items sharing one are candidates. Empty strings are ignored. */
  keys: readonly string[];
  features: ReadonlySet<string>;
}

/** How many of an old item's rarest features probe the inverted index. */
const PROBE_FEATURES = 16;
/** How many feature-found partners each old item keeps. */
const FEATURE_CANDIDATES = 8;
/** A feature shared by more items than this says nothing about which one is the partner. */
const COMMON_FEATURE = 64;
/** A key shared by more new items than this (one article of 4,000 paragraphs all numbered "1.")
 * yields only the items nearest the old item's relative position, so the count stays linear. */
const KEY_PARTNERS = 64;

/**
 * The indices of `list` (ascending) nearest to `at`: all of them when the list is short, else the
 * `limit` around the insertion point of `at`.
 */
function nearest(list: readonly number[], at: number, limit: number): readonly number[] {
  if (list.length <= limit) return list;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as number) < at) low = mid + 1;
    else high = mid;
  }
  const start = Math.max(0, Math.min(low - (limit >> 1), list.length - limit));
  return list.slice(start, start + limit);
}

/**
 * Old/new index pairs worth scoring: items sharing an exact key, and items sharing rare features
 * (an inverted index probed with each old item's rarest features). The count is at most
 * `old.length * (keys * 64 + 8)`, so two sequences of thousands of items cost linear time, not
 * one score per pair. Pairs come out in a deterministic order, each once.
 *
 * Example: old [{keys: ['1'], features: {scope}}], new [{keys: ['2'], features: {scope}}, {keys: ['1'], ...}]
 * -> [[0, 1], [0, 0]] (the same number first, then the shared word).
 */
export function sparseCandidates(oldItems: readonly CandidateFacts[], newItems: readonly CandidateFacts[]): Array<[number, number]> {
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  const add = (i: number, j: number): void => {
    const id = i * (newItems.length + 1) + j;
    if (seen.has(id)) return;
    seen.add(id);
    out.push([i, j]);
  };
  const byKey = new Map<string, number[]>();
  const byFeature = new Map<string, number[]>();
  newItems.forEach((item, j) => {
    for (const key of item.keys) {
      if (key === '') continue;
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [j]);
      else if (list[list.length - 1] !== j) list.push(j);
    }
    for (const feature of item.features) {
      const list = byFeature.get(feature);
      if (list === undefined) byFeature.set(feature, [j]);
      else list.push(j);
    }
  });
  const scale = oldItems.length > 1 ? (newItems.length - 1) / (oldItems.length - 1) : 0;
  oldItems.forEach((item, i) => {
    const at = Math.round(i * scale);
    for (const key of item.keys) {
      if (key === '') continue;
      for (const j of nearest(byKey.get(key) ?? [], at, KEY_PARTNERS)) add(i, j);
    }
    // The rarest features first: the cost stays linear in the number of items.
    const rare = [...item.features]
      .map((feature) => byFeature.get(feature))
      .filter((list): list is number[] => list !== undefined && list.length <= COMMON_FEATURE)
      .sort((a, b) => a.length - b.length)
      .slice(0, PROBE_FEATURES);
    const hits = new Map<number, number>();
    for (const list of rare) for (const j of list) hits.set(j, (hits.get(j) ?? 0) + 1);
    [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, FEATURE_CANDIDATES)
      .forEach(([j]) => add(i, j));
  });
  return out;
}
