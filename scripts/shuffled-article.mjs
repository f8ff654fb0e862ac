// The comparison's worst case found by the hostile-input work, for the bench and the tests: one article of
// thousands of paragraphs all numbered "1.", from a small vocabulary (so every pair looks alike), shuffled in
// the new draft. Seeded: the same drafts on every machine.

const WORDS = 'the party shall adopt such legislative and other measures as may be necessary to establish its competent authorities order preservation data'.split(' ');

/** A seeded generator of numbers in [0, 1) (a linear congruential generator; small and the same everywhere). */
function seeded(seed) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** `count` paragraphs of 30 words, `Paragraph <i> ...`. */
export function paragraphs(count, seed = 1) {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => `Paragraph ${i} ${Array.from({ length: 30 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')}.`);
}

/** `items` in a seeded random order (Fisher-Yates). */
export function shuffled(items, seed = 7) {
  const random = seeded(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A text draft: article 1 holding `paras`, each numbered "1.", then a short article 2. */
export function articleDraft(paras) {
  return `Article 1\nScope\n\n${paras.map((p) => `1. ${p}`).join('\n\n')}\n\nArticle 2\nFinal\n\nThis Convention enters into force.\n`;
}

/** The old and new text drafts of the case with `count` paragraphs. */
export function shuffledArticlePair(count) {
  const paras = paragraphs(count);
  return { old: articleDraft(paras), new: articleDraft(shuffled(paras)) };
}
