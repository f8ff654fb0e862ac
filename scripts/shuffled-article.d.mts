/** `count` paragraphs of 30 words, `Paragraph <i> ...`, seeded. */
export function paragraphs(count: number, seed?: number): string[];
/** `items` in a seeded random order. */
export function shuffled<T>(items: T[], seed?: number): T[];
/** A text draft: article 1 holding `paras`, each numbered "1.", then a short article 2. */
export function articleDraft(paras: string[]): string;
/** The old and new text drafts of the case with `count` paragraphs. */
export function shuffledArticlePair(count: number): { old: string; new: string };
