// Report order for two paired sequences: new order, with unpaired old items at their old position.

/** One slot of the merged order: a pair, an old-only item or a new-only item. */
export interface Slot {
  oldIndex?: number;
  newIndex?: number;
}

/**
 * Merges two sequences given their pairing (`newToOld`: new index -> old index): new-sequence
 * order, each unpaired old item placed right after the new partner of the closest paired old
 * item before it (or first when none).
 *
 * Example: old [a, b, c], new [a', c'], pairs {0: 0, 1: 2} -> a/a', b (removed), c/c'.
 */
export function interleave(newToOld: Map<number, number>, oldLength: number, newLength: number): Slot[] {
  const oldToNew = new Map<number, number>();
  for (const [newIndex, oldIndex] of newToOld) oldToNew.set(oldIndex, newIndex);
  const unpairedAfter = new Map<number, number[]>();
  let anchor = -1;
  for (let i = 0; i < oldLength; i++) {
    const partner = oldToNew.get(i);
    if (partner !== undefined) anchor = partner;
    else unpairedAfter.set(anchor, [...(unpairedAfter.get(anchor) ?? []), i]);
  }
  const slots: Slot[] = (unpairedAfter.get(-1) ?? []).map((oldIndex) => ({ oldIndex }));
  for (let j = 0; j < newLength; j++) {
    const oldIndex = newToOld.get(j);
    slots.push(oldIndex === undefined ? { newIndex: j } : { oldIndex, newIndex: j });
    for (const removed of unpairedAfter.get(j) ?? []) slots.push({ oldIndex: removed });
  }
  return slots;
}
