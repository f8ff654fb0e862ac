// Text similarity for pairing articles and provisions: Dice over word and word-pair sets.

/**
 * Collapse whitespace and trim, so text that only moved to another line or page compares equal.
 * Idempotent. Example: `"States  Parties\n shall "` -> `"States Parties shall"`.
 */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The comparison features of a text: lower-cased words and adjacent word pairs.
 * Words alone make short provisions (`(b) proportionality;`) comparable; word pairs keep two
 * long articles that share vocabulary but not phrasing apart.
 * Example: `"Each State Party shall"` -> {each, state, party, shall, "each state", "state party", "party shall"}.
 */
export function textFeatures(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const features = new Set<string>(words);
  for (let i = 1; i < words.length; i++) features.add(`${words[i - 1]} ${words[i]}`);
  return features;
}

/**
 * Dice coefficient of two feature sets, 0..1. Two empty sets are identical (1).
 * Example: diceSimilarity(textFeatures('a b'), textFeatures('a b')) === 1.
 */
export function diceSimilarity(oldFeatures: ReadonlySet<string>, newFeatures: ReadonlySet<string>): number {
  if (oldFeatures.size === 0 && newFeatures.size === 0) return 1;
  if (oldFeatures.size === 0 || newFeatures.size === 0) return 0;
  const [small, large] =
    oldFeatures.size <= newFeatures.size ? [oldFeatures, newFeatures] : [newFeatures, oldFeatures];
  let shared = 0;
  for (const feature of small) if (large.has(feature)) shared++;
  return (2 * shared) / (oldFeatures.size + newFeatures.size);
}

/** Similarity of two texts, 0..1 (see `textFeatures`). Example: `textSimilarity('a b', 'a b') === 1`. */
export function textSimilarity(oldText: string, newText: string): number {
  return diceSimilarity(textFeatures(oldText), textFeatures(newText));
}

/** Round to 3 decimals, as `Alignment.similarity` is reported. */
export function roundSimilarity(value: number): number {
  return Math.round(value * 1000) / 1000;
}
