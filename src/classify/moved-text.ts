// Finds wording that left one place of a draft but still stands elsewhere in the other draft (moved text).

/**
 * Runs shorter than this many words are never called moved: "in accordance with Union or national law"
 * (7 words) recurs all over an EU act, so finding it elsewhere says nothing about where a deletion went.
 */
export const MIN_MOVED_WORDS = 8;
/** A whole provision this short or shorter ("public and national security interests;") can still be found
 * as a whole elsewhere (a point relettered or merged into its neighbour by a reader), but never less. */
const MIN_WHOLE_WORDS = 4;

/** One place text can be found in: a provision id and its text. */
export interface TextPlace {
  id: string;
  text: string;
}

/** Where each run of MIN_MOVED_WORDS words of one draft stands (a provision id per occurrence), plus each provision's words. */
export interface TextIndex {
  shingles: Map<string, string[]>;
  /** The words of each text read against this index (its own places' texts, and the texts of this draft
   * searched for moved runs), listed once per text. */
  lists: Map<string, WordList>;
  /** Normalised text of every place, one space between words, with its id. */
  flat: Array<{ id: string; words: string }>;
  /** Every place's text as given, by id. */
  texts: Map<string, string>;
}

/** Where a moved run stands in the text being read and where its wording is found in the other draft. */
export interface MovedRun {
  start: number;
  end: number;
  /** Provision ids of the other draft where the wording stands, document order, at most a few. */
  places: string[];
  /** Provision ids of this draft that carry the whole run (the run's own provision included). */
  ownPlaces: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a text (letters and digits, lower-cased), kept compact: an index holds them for every place
 * of a draft for the whole comparison. Their normalised forms are joined by single spaces, and each shingle
 * is a slice of that string.
 * Example: `wordList('Article 5(1)')` -> words article [0,7), 5 [8,9), 1 [10,11), joined `article 5 1`;
 * punctuation is never a word.
 */
interface WordList {
  count: number;
  /** The words lower-cased, joined by one space. */
  joined: string;
  /** Where each word starts in `joined`; one more entry, `joined.length + 1`, closes the last. */
  offsets: Int32Array;
  /** Each word's span `[starts[i], ends[i])` in the text. */
  starts: Int32Array;
  ends: Int32Array;
}

function wordList(text: string): WordList {
  const norms: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(WORD)) {
    norms.push(m[0].toLowerCase());
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const offsets = new Int32Array(norms.length + 1);
  for (let i = 0; i < norms.length; i++) offsets[i + 1] = offsets[i]! + norms[i]!.length + 1;
  return { count: norms.length, joined: norms.join(' '), offsets, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The words of `text`, listed once per index (`cache`) when one is given. */
function wordListIn(text: string, cache: Map<string, WordList> | undefined): WordList {
  let list = cache?.get(text);
  if (list === undefined) {
    list = wordList(text);
    cache?.set(text, list);
  }
  return list;
}

/** Words `from` to `to` (exclusive) of `list`, normalised and joined by single spaces. */
const wordsOf = (list: WordList, from: number, to: number): string => list.joined.slice(list.offsets[from], list.offsets[to]! - 1);

/** The MIN_MOVED_WORDS words from word `from` of `list`, normalised and joined by single spaces. */
const shingleKey = (list: WordList, from: number): string => wordsOf(list, from, from + MIN_MOVED_WORDS);

/**
 * Indexes the places of one draft by every run of MIN_MOVED_WORDS consecutive words.
 * Example: a provision "the market surveillance authorities shall be granted full access to the documentation"
 * is found again by any 8 consecutive words of it, whatever the punctuation or case.
 */
export function indexText(places: readonly TextPlace[]): TextIndex {
  const shingles = new Map<string, string[]>();
  const flat: TextIndex['flat'] = [];
  const texts = new Map<string, string>();
  const lists = new Map<string, WordList>();
  for (const place of places) {
    texts.set(place.id, place.text);
    const list = wordListIn(place.text, lists);
    flat.push({ id: place.id, words: ` ${list.joined} ` });
    for (let k = 0; k + MIN_MOVED_WORDS <= list.count; k++) {
      const key = shingleKey(list, k);
      const ids = shingles.get(key);
      // Every occurrence, so that a formula printed twice in one paragraph counts twice.
      if (ids === undefined) shingles.set(key, [place.id]);
      else ids.push(place.id);
    }
  }
  return { shingles, lists, flat, texts };
}

/**
 * The runs of `text[start, end)` whose wording also stands in `other` (the other draft): at least
 * MIN_MOVED_WORDS consecutive words, or the whole range when it is the whole provision and at least
 * four words long. `own` is the index of the text's own draft, so that a caller can tell moved text
 * (wording that stood only here) from a repeated formula. Words are compared lower-cased, without
 * punctuation, so a run broken across a page by a running footer is still found on either side of it.
 * Wording counts as still standing only where the other draft has it in at least as many places as this
 * draft: a formula repeated in two articles and struck from one of them was deleted, not moved.
 *
 * Example: a deleted paragraph 5 of article 64 whose words now stand in article 63 paragraph 8 gives one
 * run covering the paragraph, places `['art_63__para_8']`. Negative: a deleted "where appropriate" is
 * never a run (too short to tell where it went).
 */
export function findMovedRuns(text: string, start: number, end: number, other: TextIndex, own: TextIndex, wholeProvision = false): MovedRun[] {
  // The words within [start, end): words do not overlap, so they are one stretch of the text's word list.
  const list = wordListIn(text, own.lists);
  let from = 0;
  while (from < list.count && list.starts[from]! < start) from++;
  let to = from;
  while (to < list.count && list.ends[to]! <= end) to++;
  // Word k of the range is word from + k of the text.
  const count = to - from;
  const startOf = (k: number): number => list.starts[from + k]!;
  const endOf = (k: number): number => list.ends[from + k]!;
  const key = (k: number): string => shingleKey(list, from + k);
  if (wholeProvision && count >= MIN_WHOLE_WORDS && count < MIN_MOVED_WORDS) {
    const needle = ` ${wordsOf(list, from, to)} `;
    const places = other.flat.filter((p) => p.words.includes(needle)).map((p) => p.id);
    const ownPlaces = own.flat.filter((p) => p.words.includes(needle)).map((p) => p.id);
    if (places.length === 0 || places.length < ownPlaces.length) return [];
    return [{ start: startOf(0), end: endOf(count - 1), places: places.slice(0, 3), ownPlaces }];
  }
  // For each word, the shingles (by start index) that cover it and stand in the other draft.
  const found: Array<string[] | undefined> = [];
  for (let k = 0; k + MIN_MOVED_WORDS <= count; k++) {
    const ids = other.shingles.get(key(k));
    // Still standing in as many places as before: moved. Fewer: a repeated formula ("a political offence
    // or an offence connected with a political offence") struck here while its other places stay.
    found[k] = ids === undefined || ids.length < (own.shingles.get(key(k))?.length ?? 0) ? undefined : ids;
  }
  // Runs: consecutive found shingles that share a destination; a run ends where its wording stops or
  // where the next words stand somewhere else (part of a paragraph went to article 63, part to an annex).
  const runs: MovedRun[] = [];
  let k = 0;
  while (k < found.length) {
    if (found[k] === undefined) {
      k++;
      continue;
    }
    const hits = new Map<string, number>();
    // The places of this draft that hold the whole run: a run made only of a formula ("Each Party shall
    // adopt such legislative and other measures") is held by many, a moved paragraph only by its own.
    let ownPlaces: string[] | undefined;
    let last = k;
    for (let i = k; i < found.length; i++) {
      const ids = found[i];
      if (ids === undefined || (i > k && !ids.some((id) => hits.has(id)))) break;
      for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
      const holders = own.shingles.get(key(i)) ?? [];
      ownPlaces = ownPlaces === undefined ? [...holders] : ownPlaces.filter((id) => holders.includes(id));
      last = i;
    }
    const previousEnd = runs[runs.length - 1]?.end ?? -1;
    let first = k;
    while (first < count && startOf(first) <= previousEnd) first++;
    if (first === count) first = -1;
    const places = [...hits.entries()].sort((x, y) => y[1] - x[1]).map(([id]) => id).slice(0, 3);
    if (first >= 0 && first <= last + MIN_MOVED_WORDS - 1) {
      runs.push({ start: startOf(first), end: endOf(last + MIN_MOVED_WORDS - 1), places, ownPlaces: ownPlaces ?? [] });
    }
    k = last + 1;
  }
  return runs;
}

/**
 * True when at least 80 % of the words of `wording` (at least MIN_MOVED_WORDS of them) stand, in runs of
 * MIN_MOVED_WORDS, somewhere in the indexed draft, however often. Example: a clause quoted from a deleted
 * recital that the new draft prints again in another recital -> true. Negative: "where appropriate" -> false.
 */
export function wordingStands(wording: string, index: TextIndex): boolean {
  const list = wordList(wording);
  if (list.count < MIN_MOVED_WORDS) return false;
  const covered = new Array<boolean>(list.count).fill(false);
  for (let k = 0; k + MIN_MOVED_WORDS <= list.count; k++) {
    if (index.shingles.has(shingleKey(list, k))) for (let j = k; j < k + MIN_MOVED_WORDS; j++) covered[j] = true;
  }
  return covered.filter(Boolean).length >= 0.8 * list.count;
}
