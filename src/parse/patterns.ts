// The shapes of treaty lines: article and container headings, preamble, recitals, formula, final text, provision markers.
//
// These functions look at one line's text only. Whether a heading-shaped line really is a
// heading (and not a cross-reference that a line wrap put at the start of a line) depends on
// its neighbours; parse-document.ts decides that.

/** A heading line split into its number (as printed) and its heading, when on the same line. */
export interface HeadingMatch {
  /** Number exactly as printed, brackets kept when the whole heading is bracketed: `15`, `6 bis`, `[17]`. */
  num: string;
  /** The heading after a dash, colon or full stop on the same line, if any. */
  heading?: string;
  /** How the heading was separated from the number (`.` is the weakest signal). */
  separator?: string;
  /** Set for `Article 24 [deleted]` on one line: the provision is kept in place as a placeholder. */
  deleted?: true;
}

// Latin ordinal suffixes used for inserted articles: `Article 6 bis`, `Article 12 ter`.
const LATIN_SUFFIX = '(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)';

// A well-formed roman numeral up to 399 (`I`, `IV`, `XLII`), as older treaties and charters number
// their articles; upper case is checked after matching (the pattern is case-insensitive).
const ROMAN_NUMERAL = '(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})';

// `Article 24`, `ARTICLE 24`, `Article 6 bis`, `Article 4a`, `[Article 17]`, `[Article 17 bis]`,
// `Article [17]`, `ARTICLE IV`, `Article XII bis`, `Article 1000` (long codes run past 999). The article word
// must be capitalised: `article 24 of this Convention` is running text. Four digits are read here; whether
// `Article 2019` is a heading or a year a line wrap put first is judged by the sequence (references.ts).
const ARTICLE_HEAD = new RegExp(
  `^(\\[)?\\s*(?:Article|ARTICLE)\\s+(\\[?(?:\\d{1,4}(?:\\s?${LATIN_SUFFIX}(?![a-z])|[A-Za-z](?![A-Za-z]))?|${ROMAN_NUMERAL}(?:\\s${LATIN_SUFFIX})?(?![A-Za-z0-9]))\\]?)(.*)$`,
  'i',
);
// A roman article number must be printed in capitals, and a lone `C` or `L` is a letter, not 100 or 50.
const ROMAN_NUM = /^\[?([IVXLC]+)/i;
const ARTICLE_WORD = /^\[?\s*(?:Article|ARTICLE)\s/;

// What may follow the number: nothing, or a dash / colon / full stop and the heading.
// `Article 15 – Conditions and safeguards`, `Article 15 - ...`, `Article 15 — ...`, `Article 15: ...`, `Article 15. ...`
const AFTER_NUMBER = /^\s*(?:([-–—:.])\s*(.*))?$/;

/**
 * An article heading line: `Article N` alone or `Article N` + separator + heading.
 * Anything else after the number (`Article 16 of the TFEU`, `Article 14, paragraph 2`,
 * `Articles 2 through 5`) makes it a cross-reference, not a heading.
 *
 * @example matchArticleHeading('Article 15 – Conditions and safeguards') // { num: '15', heading: 'Conditions and safeguards', separator: '–' }
 * @example matchArticleHeading('[Article 17 bis]') // { num: '[17 bis]' }
 * @example matchArticleHeading('ARTICLE 24') // { num: '24' }
 * @example matchArticleHeading('Article 1000 – Final provision') // { num: '1000', heading: 'Final provision', separator: '–' }
 * @example matchArticleHeading('Article 10000') // undefined (five digits: no treaty numbers so far)
 * @example matchArticleHeading('ARTICLE IV. DATA INTERFERENCE') // { num: 'IV', heading: 'DATA INTERFERENCE', separator: '.' }
 * @example matchArticleHeading('Article iv') // undefined (a roman number is printed in capitals)
 * @example matchArticleHeading('Article 16 of this Convention shall apply') // undefined
 */
export function matchArticleHeading(text: string): HeadingMatch | undefined {
  if (!ARTICLE_WORD.test(text)) return undefined;
  const m = ARTICLE_HEAD.exec(text);
  if (!m) return undefined;
  const opened = m[1] === '[';
  let num = m[2]!.replace(/\s+/g, ' ');
  let rest = m[3]!;
  const roman = ROMAN_NUM.exec(num)?.[1];
  if (roman !== undefined && (roman !== roman.toUpperCase() || roman === 'C' || roman === 'L')) return undefined;
  if (opened) {
    // The closing bracket of a bracketed heading ends the line: `[Article 17 – Title]`.
    if (num.endsWith(']')) num = num.slice(0, -1);
    else if (rest.trimEnd().endsWith(']')) rest = rest.trimEnd().slice(0, -1);
    else return undefined;
    num = `[${num}]`;
  }
  return splitRest(num, rest);
}

function splitRest(num: string, rest: string): HeadingMatch | undefined {
  if (isDeletedPlaceholder(rest.trim())) return { num, deleted: true };
  const after = AFTER_NUMBER.exec(rest);
  if (!after) return undefined;
  const separator = after[1];
  const heading = (after[2] ?? '').trim();
  if (separator === undefined || heading === '') return { num };
  return { num, heading, separator };
}

// `[deleted]`, `[Deleted]`, `[deleted].`: EU Council texts keep a deleted provision in place under its number.
const DELETED_PLACEHOLDER = /^\[\s*deleted\s*\][.;]?$/i;
const DELETED_PLACEHOLDERS = /\[\s*deleted\s*\]/gi;

/**
 * True for the whole text of a provision deleted in place (`Article 24` / `[deleted]`, `(c) [deleted]`):
 * a placeholder, not bracketed negotiation text.
 *
 * @example isDeletedPlaceholder('[deleted]') // true
 * @example isDeletedPlaceholder('[Deleted].') // true
 * @example isDeletedPlaceholder('[deleted] text that goes on') // false
 * @example isDeletedPlaceholder('[shall][may]') // false
 */
export function isDeletedPlaceholder(text: string): boolean {
  return DELETED_PLACEHOLDER.test(text);
}

/**
 * The text without its `[deleted]` placeholders, for counting negotiation brackets.
 *
 * @example withoutPlaceholders('(c) [deleted] and [shall][may]') // '(c)  and [shall][may]'
 * @example withoutPlaceholders('[deleted text]') // '[deleted text]' (bracketed words, not a placeholder)
 */
export function withoutPlaceholders(text: string): string {
  return text.replace(DELETED_PLACEHOLDERS, '');
}

/** Container kinds, outermost first; the index is the nesting rank (Council of Europe: titles inside sections). */
export const CONTAINER_KINDS = ['part', 'chapter', 'section', 'title'] as const;
export type ContainerKind = (typeof CONTAINER_KINDS)[number];

/** The ranks of a draft whose first container below a part is a title (EU acts: TITLE > CHAPTER > SECTION). */
export const TITLE_FIRST_KINDS: readonly ContainerKind[] = ['part', 'title', 'chapter', 'section'];

// `Part I`, `Chapter II`, `CHAPTER II`, `Section 1`, `SECTION 1`, `Title 1`, `TITLE 1`, `Chapter II – Heading`,
// inserted ones `TITLE IA`, `Chapter 2a`. A capitals keyword may run into its number (`TITLEIII`, `CHAPTER2`,
// as some PDFs set letter-spaced capitals); `TITLED` or `PARTICULARS` do not match (the number must end there).
const CONTAINER_HEAD =
  /^(?:(Part|Chapter|Section|Title|PART|CHAPTER|SECTION|TITLE)\s+((?:[IVXLC]+|\d{1,3})(?:[a-z]|[A-H])?|[A-Z])|(PART|CHAPTER|SECTION|TITLE)((?:[IVXLC]+|\d{1,3})(?:[a-z]|[A-D])?))(?![A-Za-z0-9])(.*)$/;

/** A container heading line and its kind. */
export interface ContainerMatch extends HeadingMatch {
  kind: ContainerKind;
}

/**
 * A part, chapter, section or title heading line, with the heading when it stands on the same line.
 *
 * @example matchContainerHeading('CHAPTER II') // { kind: 'chapter', num: 'II' }
 * @example matchContainerHeading('TITLEIII') // { kind: 'title', num: 'III' } (letter-spaced capitals run together)
 * @example matchContainerHeading('TITLE IA') // { kind: 'title', num: 'IA' }
 * @example matchContainerHeading('Section 2 – Procedural law') // { kind: 'section', num: '2', heading: 'Procedural law', separator: '–' }
 * @example matchContainerHeading('Chapter II of this Convention') // undefined
 * @example matchContainerHeading('PARTICULARS') // undefined
 */
export function matchContainerHeading(text: string): ContainerMatch | undefined {
  const m = CONTAINER_HEAD.exec(text);
  if (!m) return undefined;
  const found = splitRest((m[2] ?? m[4])!, m[5]!);
  if (!found) return undefined;
  return { kind: (m[1] ?? m[3])!.toLowerCase() as ContainerKind, ...found };
}

// `Annex`, `ANNEX`, `Annex I`, `Annex 2 – Model form`, an inserted `ANNEX VIIIa`.
const ANNEX_HEAD = /^(?:Annex|ANNEX)(?:\s+((?:[IVXLC]+|\d{1,3})[a-z]?|[A-Z]))?(?![A-Za-z0-9])(.*)$/;

/**
 * An annex heading line. `num` is '' for a lone `Annex`.
 *
 * @example matchAnnexHeading('Annex I') // { num: 'I' }
 * @example matchAnnexHeading('Annex') // { num: '' }
 * @example matchAnnexHeading('ANNEX VIIIa') // { num: 'VIIIa' }
 * @example matchAnnexHeading('Annex I to this Convention lists ...') // undefined
 */
export function matchAnnexHeading(text: string): HeadingMatch | undefined {
  const m = ANNEX_HEAD.exec(text);
  if (!m) return undefined;
  return splitRest(m[1] ?? '', m[2]!);
}

// `Preamble` as a label, alone or glued to the first words of the preamble (`Preamble The member States ...`).
const PREAMBLE_LABEL = /^(?:Preamble|PREAMBLE)(?![A-Za-z])[\s:.]*/;

// The opening words of a treaty preamble:
// `The States Parties to this Convention,`, `The member States of the Council of Europe and the other States signatory hereto,`,
// `The High Contracting Parties,`, `The Parties to this Protocol,`.
const PREAMBLE_OPENER =
  /^(?:The|THE)\s+(?:States\s+Parties|member\s+States|Member\s+States|High\s+Contracting\s+Parties|Contracting\s+(?:Parties|States)|Parties|Governments?|STATES\s+PARTIES)\b/;

/**
 * Length of the `Preamble` label at the start of a line (0 when there is none).
 *
 * @example preambleLabelLength('Preamble The member States') // 9
 * @example preambleLabelLength('Preambles differ') // 0
 */
export function preambleLabelLength(text: string): number {
  return PREAMBLE_LABEL.exec(text)?.[0].length ?? 0;
}

/**
 * True for a line that opens a preamble: the `Preamble` label or the parties' opening words.
 *
 * @example isPreambleStart('The States Parties to this Convention,') // true
 * @example isPreambleStart('Preamble') // true
 * @example isPreambleStart('The Parties shall co-operate') // false (no comma-ended opener)
 */
export function isPreambleStart(text: string): boolean {
  if (preambleLabelLength(text) > 0) return true;
  if (!PREAMBLE_OPENER.test(text)) return false;
  // An opener is a short line ending in a comma, or runs straight into the first recital.
  return /,\s*$/.test(text) || RECITAL_IN_LINE.test(text);
}

// Words that open a recital. Each recital begins at a paragraph break with one of them.
const RECITAL_WORDS = [
  'Considering',
  'Recognising',
  'Recognizing',
  'Convinced',
  'Conscious',
  'Concerned',
  'Believing',
  'Mindful',
  'Taking into account',
  'Taking note',
  'Welcoming',
  'Recalling',
  'Having regard',
  'Having also regard',
  'Having in mind',
  'Noting',
  'Reaffirming',
  'Affirming',
  'Determined',
  'Emphasizing',
  'Emphasising',
  'Stressing',
  'Desiring',
  'Desirous',
  'Acknowledging',
  'Bearing in mind',
  'Aware',
  'Deeply concerned',
  'Alarmed',
  'Underlining',
  'Further',
  'Also',
  'Wishing',
  'Seeking',
  'Resolved',
  'Striving',
];
const RECITAL_ALTERNATION = RECITAL_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|');
const RECITAL_START = new RegExp(`^\\[?(?:${RECITAL_ALTERNATION})\\b`);
const RECITAL_IN_LINE = new RegExp(`,\\s+(?:${RECITAL_ALTERNATION})\\b`);

/**
 * True for a line that begins like a recital.
 *
 * @example startsRecital('Recognising the value of fostering co-operation') // true
 * @example startsRecital('Each Party shall adopt') // false
 */
export function startsRecital(text: string): boolean {
  return RECITAL_START.test(text);
}

// Where one line holds several recitals (a run-on preamble): `...; Recognising ...`, and the
// opener running into the first recital: `... signatory hereto, Considering ...`.
const RECITAL_BOUNDARY = new RegExp(`;\\s+(?=\\[?(?:${RECITAL_ALTERNATION})\\b)`, 'g');
const OPENER_BOUNDARY = new RegExp(`,\\s+(?=\\[?(?:${RECITAL_ALTERNATION})\\b)`);

// `Have agreed as follows:`, `HAVE AGREED AS FOLLOWS:`, `Hereby agree as follows:`; EU acts: `HAVE ADOPTED THIS REGULATION:`,
// `HAS ADOPTED THIS DECISION:`.
const FORMULA =
  /^(?:(?:Have|HAVE|Hereby|HEREBY|have)\s+(?:agreed|AGREED|agree|AGREE)\s+(?:as|AS)\s+(?:follows|FOLLOWS)\b|(?:HAVE|HAS|Have|Has)\s+(?:ADOPTED|adopted)\s+(?:THIS|this)\s+\p{L}+:?$)/u;
const FORMULA_IN_LINE = /[;,.]\s+(?=(?:Have|HAVE|Hereby|HEREBY)\s+(?:agreed|AGREED|agree|AGREE)\s+(?:as|AS)\s+(?:follows|FOLLOWS)\b)/;

/**
 * True for the enacting formula.
 *
 * @example isFormula('Have agreed as follows:') // true
 * @example isFormula('HAVE ADOPTED THIS REGULATION:') // true
 * @example isFormula('Having adopted this approach, the Parties') // false
 */
export function isFormula(text: string): boolean {
  return FORMULA.test(text);
}

/**
 * Splits the text of one preamble line where a new recital or the formula begins inside it
 * (run-on preambles). Returns the pieces in order, each tagged; the first piece is whatever
 * precedes the first boundary.
 *
 * @example splitPreambleLine('hereto, Considering x; Recognising y; Have agreed as follows:', true)
 * // [{text:'hereto,',starts:'none'}, {text:'Considering x;',starts:'recital'}, {text:'Recognising y;',starts:'recital'}, {text:'Have agreed as follows:',starts:'formula'}]
 */
export function splitPreambleLine(
  text: string,
  inOpener: boolean,
): { text: string; starts: 'none' | 'recital' | 'formula' }[] {
  const cuts: { at: number; starts: 'recital' | 'formula' }[] = [];
  if (inOpener) {
    const m = OPENER_BOUNDARY.exec(text);
    if (m) cuts.push({ at: m.index + m[0].length, starts: 'recital' });
  }
  for (const m of text.matchAll(RECITAL_BOUNDARY)) cuts.push({ at: m.index + m[0].length, starts: 'recital' });
  const formula = FORMULA_IN_LINE.exec(text);
  if (formula) cuts.push({ at: formula.index + formula[0].length, starts: 'formula' });
  cuts.sort((x, y) => x.at - y.at);
  const pieces: { text: string; starts: 'none' | 'recital' | 'formula' }[] = [];
  let from = 0;
  let starts: 'none' | 'recital' | 'formula' = 'none';
  for (const cut of cuts) {
    if (cut.at <= from) continue;
    pieces.push({ text: text.slice(from, cut.at).trim(), starts });
    from = cut.at;
    starts = cut.starts;
  }
  pieces.push({ text: text.slice(from).trim(), starts });
  return pieces.filter((p) => p.text !== '');
}

// `Whereas:` alone on its line: what introduces the numbered recitals of an EU act (after its citations).
const RECITALS_INTRO = /^(?:Whereas|WHEREAS)\s*:$/;

/**
 * True for the line that introduces numbered recitals (AKN `recitals/intro`).
 *
 * @example isRecitalsIntro('Whereas:') // true
 * @example isRecitalsIntro('Whereas the Parties recognise') // false (a recital of its own)
 */
export function isRecitalsIntro(text: string): boolean {
  return RECITALS_INTRO.test(text);
}

// `(1) The purpose ...`, `(5a) ...`, `(12 bis) ...`: a numbered recital at the start of a line; also `38) ...`,
// a misprint that drops the opening parenthesis (accepted by preamble.ts only as the very next number).
const RECITAL_NUMBER = new RegExp(`^(\\()?(\\d{1,3})(\\s?${LATIN_SUFFIX}|[a-z]{1,2})?\\)(?=\\s|$)\\s*(.*)$`);

/** A numbered recital's marker: the number as printed, its value and suffix, the rest of the line. */
export interface RecitalNumber {
  /** As printed: `(5a)`. */
  num: string;
  value: number;
  /** `''`, `a`, `b`, ` bis` ... as printed (spaces dropped). */
  suffix: string;
  rest: string;
  /** True when the opening parenthesis is missing (`38)`). */
  bare: boolean;
}

/**
 * The number of a numbered recital at the start of a line, if the line starts like one.
 * Whether it really opens a recital (and is not a wrapped `(2)` of a cross-reference)
 * depends on the sequence: see preamble.ts.
 *
 * @example matchRecitalNumber('(5a) AI systems ...') // { num: '(5a)', value: 5, suffix: 'a', rest: 'AI systems ...', bare: false }
 * @example matchRecitalNumber('(12)') // { num: '(12)', value: 12, suffix: '', rest: '', bare: false }
 * @example matchRecitalNumber('38) Actions by ...') // { num: '38)', value: 38, suffix: '', rest: 'Actions by ...', bare: true }
 * @example matchRecitalNumber('(a) any other system') // undefined
 */
export function matchRecitalNumber(text: string): RecitalNumber | undefined {
  const m = RECITAL_NUMBER.exec(text);
  if (!m) return undefined;
  const suffix = (m[3] ?? '').replace(/\s+/g, '');
  return { num: `${m[1] ?? ''}${m[2]}${m[3] ?? ''})`, value: Number(m[2]), suffix, rest: m[4]!.trim(), bare: m[1] === undefined };
}

// The final text: `In witness whereof the undersigned ...`, `Done at Budapest, this 23rd day ...`.
const CONCLUSIONS_START = /^(?:In\s+witness\s+whereof|IN\s+WITNESS\s+WHEREOF|Done\s+at|DONE\s+at|DONE\s+AT)\b/;

/**
 * True for the first line of the final text (testimonium, place and date).
 *
 * @example isConclusionsStart('IN WITNESS WHEREOF the undersigned ...') // true
 * @example isConclusionsStart('Done at New York, this ...') // true
 */
export function isConclusionsStart(text: string): boolean {
  return CONCLUSIONS_START.test(text);
}

/** Levels of provisions inside an article. */
export type ProvisionKind = 'paragraph' | 'subparagraph' | 'point';

/** A provision marker at the start of a line. */
export interface MarkerMatch {
  /**
   * `number` for `1.` / `1)` / `(1)`; `letter` for `(a)` / `a)` / `a.`; `roman` for `(ii)` /
   * `ii)`; `ambiguous` for a single `i`, `v` or `x`, which may be either a letter or a roman
   * numeral (`(i)` after `(h)` is a letter).
   */
  type: 'number' | 'letter' | 'roman' | 'ambiguous';
  /** Marker exactly as printed: `1.`, `(1)`, `(a)`, `a)`, `(ii)`. */
  num: string;
  /** The marker without punctuation, lower case: `1`, `a`, `ii`. */
  token: string;
  /** The rest of the line after the marker, trimmed (may be ''). */
  rest: string;
  /** A `[` that stood before the marker (`[2. ...`): it belongs to the text. */
  bracket: boolean;
}

// `1.` `1)` `(1)`, followed by a space or the end of the line. A full stop marker must not be a
// decimal (`1.5`) and is at most three digits (years like `2001.` are not paragraph numbers).
// Inserted paragraphs: `2 bis.`, `(2 bis)`, and as EU compromise texts number them, `5a.`, `1aa.`.
const NUMBER_SUFFIX = `(?:\\s?${LATIN_SUFFIX}|(?!st|nd|rd|th)[a-z]{1,2})`;
const NUMBER_MARKER = new RegExp(`^(\\[)?(\\(\\d{1,3}${NUMBER_SUFFIX}?\\)|\\d{1,3}${NUMBER_SUFFIX}?[.)])(?=\\s|$)\\s*(.*)$`);
// `(a)` `(aa)` `(ii)`; `a)` `ii)`; the paren form may be glued to its text (`a)Each Party` in some conversions).
const PAREN_MARKER = /^(\[)?(\(([a-z]{1,2}|[ivxl]{1,6})\)|([a-z]{1,2}|[ivxl]{1,6})\))\s*(.*)$/;
// `a.` followed by a space: `a.i` in running text is not a marker, nor is `e.g.`.
const DOT_MARKER = /^(\[)?(([a-z])\.)\s+(.*)$/;

/**
 * The provision marker at the start of a line, if any.
 *
 * @example matchMarker('1. Each Party shall') // { type: 'number', num: '1.', token: '1', rest: 'Each Party shall', bracket: false }
 * @example matchMarker('2 bis. Each Party may') // { type: 'number', num: '2 bis.', token: '2bis', ... }
 * @example matchMarker('5a. Information contained') // { type: 'number', num: '5a.', token: '5a', ... }
 * @example matchMarker('(ii) any other entity') // { type: 'roman', num: '(ii)', token: 'ii', ... }
 * @example matchMarker('(i) a device') // { type: 'ambiguous', num: '(i)', token: 'i', ... }
 * @example matchMarker('a.i or ii above') // undefined
 */
export function matchMarker(text: string): MarkerMatch | undefined {
  const number = NUMBER_MARKER.exec(text);
  if (number) {
    return { type: 'number', num: number[2]!, token: number[2]!.replace(/[^0-9a-z]/gi, '').toLowerCase(), rest: number[3]!.trim(), bracket: number[1] === '[' };
  }
  const paren = PAREN_MARKER.exec(text);
  if (paren) {
    const token = (paren[3] ?? paren[4])!;
    const rest = paren[5]!.trim();
    // `a)` glued to lower-case text is too weak (`a)` cannot be told from running text then),
    // but the conversions that glue markers capitalise the next word or leave none.
    return { type: classifyToken(token), num: paren[2]!, token, rest, bracket: paren[1] === '[' };
  }
  const dot = DOT_MARKER.exec(text);
  if (dot) {
    return { type: classifyToken(dot[3]!), num: dot[2]!, token: dot[3]!, rest: dot[4]!.trim(), bracket: dot[1] === '[' };
  }
  return undefined;
}

function classifyToken(token: string): MarkerMatch['type'] {
  if (token === 'i' || token === 'v' || token === 'x') return 'ambiguous';
  if (token.length > 1 && /^[ivxl]+$/.test(token)) {
    // `ii`, `iv`, `vi` are roman; double letters like `aa` are letters.
    return 'roman';
  }
  return 'letter';
}

/**
 * True when a line ends a sentence or a list item, so the next line may start a new block
 * even without a visible paragraph break.
 *
 * @example endsBlock('within the legal person.') // true
 * @example endsBlock('in its territory; or') // true
 * @example endsBlock('and') // true (a list item's `; and` wrapped onto a line of its own)
 * @example endsBlock('as provided in') // false
 */
export function endsBlock(text: string): boolean {
  return /[.;:!?]["')\]]*$/.test(text) || /(?:^|[;,]\s+)(?:and|or)$/.test(text);
}

/**
 * True for text that reads like a heading, not a sentence: short, capitalised (or a number
 * such as `24/7 Network`, or bracketed), not ending in sentence punctuation.
 *
 * @example looksLikeHeading('Conditions and safeguards') // true
 * @example looksLikeHeading('Each Party shall adopt such legislative measures.') // false
 */
export function looksLikeHeading(text: string): boolean {
  if (text.length > 160) return false;
  if (!/^[\p{Lu}\d["'(]/u.test(text)) return false;
  if (/[.;:,]$/.test(text) && !/\.\.\.$/.test(text)) return false;
  return text.split(/\s+/).length <= 20;
}

/**
 * True for text set all in capitals (container headings often are).
 *
 * @example isUpperCase('USE OF TERMS') // true
 * @example isUpperCase('Use of terms') // false
 */
export function isUpperCase(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toUpperCase();
}

/** True for a line that has the shape of any structural heading (article, container, annex). */
export function isStructuralShape(text: string): boolean {
  return matchArticleHeading(text) !== undefined || matchContainerHeading(text) !== undefined || matchAnnexHeading(text) !== undefined;
}
