// Akoma Ntoso style ids and the normalisation of printed numbers (`6 bis`, `[17]`, `(a)`, `II`).

/** Id prefix of each node kind that carries a number (AKN naming convention abbreviations). */
const ID_PREFIX = {
  part: 'part',
  chapter: 'chp',
  section: 'sec',
  title: 'title',
  article: 'art',
  paragraph: 'para',
  subparagraph: 'subpara',
  point: 'point',
  annex: 'annex',
  recital: 'recital',
  citation: 'citation',
} as const;

export type NumberedKind = keyof typeof ID_PREFIX;

/**
 * The comparison key of a printed number: brackets, parentheses, spaces and a trailing dot or
 * parenthesis dropped, lower case. Roman numerals stay roman (a key must not reinterpret).
 * Idempotent.
 *
 * @example numKey('6 bis') // '6bis'
 * @example numKey('4a') // '4a'
 * @example numKey('[17]') // '17'
 * @example numKey('(a)') // 'a'
 * @example numKey('1.') // '1'
 * @example numKey('II') // 'ii'
 */
export function numKey(num: string): string {
  return num
    .replace(/[[\]()\s]/g, '')
    .replace(/\.+$/, '')
    .toLowerCase();
}

/**
 * The numbers in `known` nearest to `num`, at most `count`, nearest first: by value for plain numbers
 * (`4a` counts as 4), else by shared prefix; each number once, as printed.
 *
 * @example nearestNums('999', ['1', '98', '99', '4a']) // ['99', '98', '4a']
 * @example nearestNums('6 ter', ['6', '6 bis', '7']) // ['6', '6 bis', '7']
 */
export function nearestNums(num: string, known: readonly string[], count = 3): string[] {
  const key = numKey(num);
  const value = (text: string): number | undefined => {
    const match = /^(\d+)/.exec(numKey(text));
    return match ? Number(match[1]) : undefined;
  };
  const target = value(key);
  const shared = (text: string): number => {
    const other = numKey(text);
    let length = 0;
    while (length < key.length && key[length] === other[length]) length++;
    return length;
  };
  const distance = (text: string): number => {
    const own = value(text);
    return target !== undefined && own !== undefined ? Math.abs(own - target) : 1e9 - shared(text);
  };
  const unique = [...new Set(known)];
  return unique
    .map((text, index) => ({ text, index, distance: distance(text) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, count)
    .map((entry) => entry.text);
}

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/**
 * The value of a roman numeral, or undefined when the text is not one (well-formed or not,
 * only `i v x l c` are read: container numbers never go higher).
 *
 * @example romanValue('iv') // 4
 * @example romanValue('XII') // 12
 * @example romanValue('ab') // undefined
 */
export function romanValue(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (!/^[ivxlc]+$/.test(lower)) return undefined;
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const value = ROMAN_VALUES[lower[i]!]!;
    const next = i + 1 < lower.length ? ROMAN_VALUES[lower[i + 1]!]! : 0;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : undefined;
}

/**
 * The id component of a container or annex number: roman numerals become arabic so that
 * `CHAPTER II` and `Chapter 2` share `chp_2` (the documented id form); other numbers use `numKey`.
 *
 * @example containerKey('II') // '2'
 * @example containerKey('1') // '1'
 * @example containerKey('A') // 'a'
 * @example containerKey('IA') // '1a'
 * @example containerKey('IIIb') // '3b'
 */
export function containerKey(num: string): string {
  const key = numKey(num);
  // A single letter like `C` or `L` is a lettered annex, not the roman 100 or 50.
  if (key.length === 1 && key !== 'i' && key !== 'v' && key !== 'x') return key;
  const roman = romanValue(key);
  if (roman !== undefined) return String(roman);
  // An inserted container: `IA` after `I` is `1a`, as `2a` after `2`.
  const inserted = /^([ivxlc]+)([a-h])$/.exec(key);
  const base = inserted ? romanValue(inserted[1]!) : undefined;
  return base === undefined ? key : `${base}${inserted![2]}`;
}

// Roman article numbers with an optional Latin suffix: `IV`, `XII bis` (keys `iv`, `xiibis`).
const ROMAN_ARTICLE_KEY = /^(c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))(bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)?$/;

/**
 * The comparison key of an article number: `numKey`, with a roman numeral read as its value, so
 * `ARTICLE IV` has the id `art_4` like containers (`CHAPTER II` -> `chp_2`). Why arabic: an id
 * must not depend on how a draft happens to print its numbers (drafts of one instrument switch
 * between `Article IV` and `Article 4`), and the alignment, the cross-reference mapping and the
 * `--articles` filter all read the same key, so `IV`, `iv` and `4` name the same article.
 * Plain and lettered numbers are left as `numKey` gives them (`4a` is not roman).
 *
 * @example articleKey('IV') // '4'
 * @example articleKey('XII bis') // '12bis'
 * @example articleKey('6 bis') // '6bis'
 * @example articleKey('[17]') // '17'
 * @example articleKey('4a') // '4a' (negative case: a lettered number is not roman)
 */
export function articleKey(num: string): string {
  const key = numKey(num);
  const m = ROMAN_ARTICLE_KEY.exec(key);
  if (m === null || m[1] === '') return key;
  return `${romanValue(m[1]!)}${m[2] ?? ''}`;
}

/**
 * One id component, `<prefix>_<key>`.
 *
 * @example idPart('article', '6bis') // 'art_6bis'
 * @example idPart('subparagraph', 'a') // 'subpara_a'
 */
export function idPart(kind: NumberedKind, key: string): string {
  return `${ID_PREFIX[kind]}_${key.replace(/[^a-z0-9]+/gi, '').toLowerCase() || 'x'}`;
}

/**
 * A nested id: components joined with `__`, the AKN separator.
 *
 * @example joinId('art_15', 'para_2', 'subpara_a') // 'art_15__para_2__subpara_a'
 */
export function joinId(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('__');
}

/**
 * Hands out ids unique within one document: the second use of `art_5` becomes `art_5_2`,
 * the third `art_5_3`.
 */
export class IdRegistry {
  private readonly seen = new Map<string, number>();

  /** The id itself if unused, otherwise the id with the next free suffix; `duplicate` tells which. */
  claim(id: string): { id: string; duplicate: boolean } {
    const count = this.seen.get(id) ?? 0;
    this.seen.set(id, count + 1);
    if (count === 0) return { id, duplicate: false };
    let suffix = count + 1;
    while (this.seen.has(`${id}_${suffix}`)) suffix++;
    const unique = `${id}_${suffix}`;
    this.seen.set(unique, 1);
    return { id: unique, duplicate: true };
  }
}
