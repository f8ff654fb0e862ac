// Rewrites article cross-references in old text through the renumbering, so "article 5" that now
// reads "article 6" because article 5 became 6 is seen as a reference update, not a change.

import type { Alignment, TreatyDocument } from '../types.js';
import { listArticles } from '../parse/walk.js';
import { articleKey } from '../parse/ids.js';

/** The renumbering between two drafts, read from the alignment. */
export interface Renumbering {
  /** Old number key -> new number as printed (brackets dropped); `undefined` when removed. */
  byKey: Map<string, string | undefined>;
  /** Old number keys in old-draft order, to map the ends of a range through removed articles. */
  oldOrder: string[];
}

/** A reference rewrite, e.g. `{ old: 'article 5', new: 'article 6' }`. */
export interface ReferenceUpdate {
  old: string;
  new: string;
}

const printed = (num: string): string => num.replace(/[[\]]/g, '').trim();

/**
 * The renumbering implied by `alignments` (of `oldDoc` against a new draft): every paired old article's number maps to its new
 * number, every removed article to `undefined`.
 * Example: old 5 paired with new 6 -> byKey '5' => '6'.
 */
export function buildRenumbering(oldDoc: TreatyDocument, alignments: Alignment[]): Renumbering {
  const byKey = new Map<string, string | undefined>();
  for (const a of alignments) {
    const oldNum = a.old?.article.num;
    if (oldNum === undefined) continue;
    // An article deleted in place keeps its number on a placeholder: it is gone all the same.
    const newNum = a.kind === 'removed' ? undefined : a.new?.article.num;
    byKey.set(articleKey(oldNum), newNum === undefined ? undefined : printed(newNum));
  }
  const oldOrder = listArticles(oldDoc).map((entry) => articleKey(entry.article.num ?? entry.article.id));
  return { byKey, oldOrder };
}

const NUM = String.raw`\d+(?:\s?(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\b|[a-z]\b)?`;
// A roman article number (`IV`, `XII bis`), in capitals only: this pattern is matched case-sensitively,
// so `and c` or `article vi` in running text is never read as a number.
const ROMAN_NUM = String.raw`(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?:\s(?:bis|ter|quater)\b)?(?![A-Za-z0-9])`;
const SEPARATOR = String.raw`\s*(?:,\s*(?:and|or)\b|,|\band\b|\bor\b|\bto\b|\bthrough\b|-|–)\s*(?:articles?\s+)?`;
const ROMAN_SEPARATOR = String.raw`\s*(?:,\s*(?:and|or)\b|,|\band\b|\bor\b|\bto\b|\bthrough\b|-|–)\s*(?:(?:[Aa]rticles?|ARTICLES?)\s+)?`;
/** A point inside an article that may follow its number in a list: `, paragraph 1.b`, `.1.a`, ` paragraph 3`. */
const SUBREFERENCE = String.raw`(?:\s*,?\s*paragraphs?\s+\d+(?:\.[a-z](?:\.[ivx]+)?)?|\.\d+(?:\.[a-z])?|\.[a-z](?:\.[ivx]+)?)?`;
/**
 * The two reference shapes, each with the pattern that finds its numbers inside a match:
 * `Article 5`, `articles 16 and 17`, `Articles 2 through 5`, `Article 6 bis`, `Articles 2, 6, paragraph 1.b, and 7`;
 * and, case-sensitive, `Article IV`, `Articles II through V`, `article III, paragraph 2`.
 */
const REFERENCES = [
  {
    pattern: new RegExp(String.raw`\b(articles?)\s+(${NUM})${SUBREFERENCE}((?:${SEPARATOR}${NUM}(?!\d)${SUBREFERENCE})*)`, 'gi'),
    number: new RegExp(NUM, 'gi'),
  },
  {
    pattern: new RegExp(String.raw`\b([Aa]rticles?|ARTICLES?)\s+(${ROMAN_NUM})${SUBREFERENCE}((?:${ROMAN_SEPARATOR}${ROMAN_NUM}${SUBREFERENCE})*)`, 'g'),
    number: new RegExp(ROMAN_NUM, 'g'),
  },
];
/** Text before a number that makes it a paragraph or point, not an article: `paragraph 3`, `9.1`. */
const INSIDE_SUBREFERENCE = /(?:paragraphs?\s+|\.)$/i;
/** A reference followed by "of this Convention" (after a sub-reference such as `.d.` or `, paragraph 2`). */
const THIS_INSTRUMENT = /^(?:[.(][\w.()]*)?\s*(?:,\s*paragraphs?\s+[\d\s,and]+,?\s*)?of\s+(?:this|the\s+present)\s+(?:convention|protocol|agreement|treaty|instrument)\b/i;
/** "of" after a reference: unless it is this instrument, the reference is to another one. */
const OF_SOMETHING = /^(?:[.(][\w.()]*)?\s*(?:,\s*paragraphs?\s+[\d\s,and]+,?\s*)?of\s+(?!this\b|the\s+present\b)/i;

/** True when the reference continues into another instrument ("article 8 of the ECHR"). */
const citesOtherInstrument = (after: string): boolean =>
  !THIS_INSTRUMENT.test(after) && OF_SOMETHING.test(after);

function mapNumber(
  num: string,
  renumbering: Renumbering,
  rangeEnd: 'low' | 'high' | undefined,
): string {
  const key = articleKey(num);
  if (!renumbering.byKey.has(key)) return num;
  const mapped = renumbering.byKey.get(key);
  if (mapped !== undefined) return articleKey(mapped) === key ? num : mapped;
  if (rangeEnd === undefined) return num;
  // A removed article at the end of a range: the range now ends at its nearest surviving neighbour
  // inside the range.
  const at = renumbering.oldOrder.indexOf(key);
  const step = rangeEnd === 'low' ? 1 : -1;
  for (let k = at + step; k >= 0 && k < renumbering.oldOrder.length; k += step) {
    const neighbour = renumbering.byKey.get(renumbering.oldOrder[k] ?? '');
    if (neighbour !== undefined) return neighbour;
  }
  return num;
}

/**
 * `text` with every reference to an article of this instrument mapped through `renumbering`,
 * and the list of distinct rewrites made. References followed by "of <another instrument>"
 * are left alone. Both ends of a range are mapped; an end that was removed moves inwards to
 * the nearest surviving article.
 *
 * Example: with 5 -> 6, `"as provided in article 5 and article 8 of the ECHR"` ->
 * `"as provided in article 6 and article 8 of the ECHR"`, updates [{ old: 'article 5', new: 'article 6' }].
 * With III -> IV, `"Articles II through III"` -> `"Articles II through IV"`; `"and c"` is never a roman number
 * (roman numbers count in capitals only).
 */
export function rewriteReferences(
  text: string,
  renumbering: Renumbering,
): { text: string; updates: ReferenceUpdate[] } {
  const updates: ReferenceUpdate[] = [];
  if (renumbering.byKey.size === 0) return { text, updates };
  // Both shapes are found in the original text, so a number mapped once is never mapped again.
  const hits = REFERENCES.flatMap(({ pattern, number }) => [...text.matchAll(pattern)].map((m) => ({ at: m.index, match: m[0], number }))).sort(
    (x, y) => x.at - y.at,
  );
  let rewritten = '';
  let done = 0;
  for (const { at, match, number } of hits) {
    if (at < done) continue;
    rewritten += text.slice(done, at);
    done = at + match.length;
    if (citesOtherInstrument(text.slice(done))) {
      rewritten += match;
      continue;
    }
    const numbers = [...match.matchAll(number)].filter((m) => !INSIDE_SUBREFERENCE.test(match.slice(0, m.index)));
    let out = '';
    let cursor = 0;
    numbers.forEach((m, k) => {
      const start = m.index;
      const between = match.slice(cursor, start);
      const isRangeStart = /\b(?:to|through)\b|-|–/i.test(match.slice(start + m[0].length, numbers[k + 1]?.index ?? start + m[0].length));
      const isRangeEnd = /\b(?:to|through)\b|-|–/i.test(between) && k > 0;
      const end = isRangeStart ? 'low' : isRangeEnd ? 'high' : undefined;
      out += between + mapNumber(m[0], renumbering, end);
      cursor = start + m[0].length;
    });
    out += match.slice(cursor);
    if (out !== match && !updates.some((u) => u.old === match && u.new === out)) {
      updates.push({ old: match, new: out });
    }
    rewritten += out;
  }
  return { text: rewritten + text.slice(done), updates };
}
