// Word-level diff of two provision texts; the only importer of the `diff` package (jsdiff).

import { Diff, type ChangeObject } from 'diff';
import type { DiffOp } from '../types.js';
import { normalizeSpace } from '../match/similarity.js';

/**
 * One token: its leading whitespace plus a bracketed run (`[shall][may]`, `[promptly]`: a
 * negotiator's alternative is one unit, so resolving it reads as one replacement), a word, or one
 * other character. Bracketed runs longer than 80 characters are whole bracketed paragraphs:
 * those are diffed word by word. The default jsdiff tokenizer splits brackets as punctuation.
 */
export const WORD_TOKEN = /\s*(?:(?:\[[^[\]]{1,80}\])+|[\p{L}\p{N}_]+|\S)/gu;
/** One sentence (or clause ending in `;` / `:`) with its leading whitespace. */
const SENTENCE_TOKEN = /\s*[^.;:]*(?:[.;:]+(?=\s|$)|$)|\s*\S+/gu;

/**
 * jsdiff over our own tokens; tokens keep their leading whitespace and compare without it. jsdiff is given
 * each token's trimmed form, one string per distinct form within a diff (`canonical`), so that its
 * equality, asked for every pair of tokens the search meets, is `===` on strings whose hashes are known
 * rather than trimming two strings each time: the same equality, so the same diff.
 */
class TokenDiff extends Diff<string, string, string> {
  /** The trimmed forms of the diff under way, each once. */
  private forms = new Map<string, string>();
  constructor(private readonly pattern: RegExp) {
    super();
  }
  /** The text's tokens, whitespace kept (what the ops are rebuilt from). */
  tokens(value: string): string[] {
    return value.match(this.pattern)?.filter((t) => t !== '') ?? [];
  }
  /** Runs jsdiff on two texts' tokens compared as trimmed: `left.trim() === right.trim()`. */
  changes(oldText: string, newText: string, timeout: number): ChangeObject<string>[] | undefined {
    try {
      return this.diff(oldText, newText, { timeout });
    } finally {
      // The next diff starts with no forms, and this one's are not kept alive.
      this.forms = new Map();
    }
  }
  override tokenize(value: string): string[] {
    return this.tokens(value).map((token) => this.canonical(token));
  }
  override equals(left: string, right: string): boolean {
    return left === right;
  }
  override join(tokens: string[]): string {
    return tokens.join('');
  }
  private canonical(token: string): string {
    const form = token.trim();
    const known = this.forms.get(form);
    if (known !== undefined) return known;
    this.forms.set(form, form);
    return form;
  }
}

const wordDiff = new TokenDiff(WORD_TOKEN);

/** The word diff's changes as jsdiff gives them (what the ops are rebuilt from), for the tests. */
export function wordChanges(oldText: string, newText: string): { added: boolean; removed: boolean; count: number }[] {
  return (wordDiff.changes(oldText, newText, Number.POSITIVE_INFINITY) ?? []).map(({ added, removed, count }) => ({ added, removed, count }));
}
const sentenceDiff = new TokenDiff(SENTENCE_TOKEN);

/** The result of diffing two texts. */
export interface TextDiff {
  ops: DiffOp[];
  /** Set when the word diff hit its time bound and a coarser diff was used. */
  fallback?: 'sentence' | 'whole';
  /** Set when the comparison's shared deadline had passed, so no diff was tried (`fallback` is `whole`). */
  pastDeadline?: true;
}

const leadingSpace = (text: string): string => /^\s*/.exec(text)?.[0] ?? '';

/** Rebuilds exact ops from jsdiff's token counts, so equal+delete is the old text to the character. */
function opsFromChanges(differ: TokenDiff, oldText: string, newText: string, changes: ChangeObject<string>[]): DiffOp[] {
  const oldTokens = differ.tokens(oldText);
  const newTokens = differ.tokens(newText);
  const raw: DiffOp[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const count = change.count;
    if (change.removed) {
      raw.push({ op: 'delete', text: oldTokens.slice(i, i + count).join('') });
      i += count;
    } else if (change.added) {
      raw.push({ op: 'insert', text: newTokens.slice(j, j + count).join('') });
      j += count;
    } else {
      for (let k = 0; k < count; k++) {
        const oldToken = oldTokens[i + k] ?? '';
        const newToken = newTokens[j + k] ?? '';
        if (oldToken === newToken) {
          raw.push({ op: 'equal', text: oldToken });
        } else {
          // Same token, other spacing ("word ," vs "word,"): only the whitespace changed.
          const oldSpace = leadingSpace(oldToken);
          const newSpace = leadingSpace(newToken);
          if (oldSpace !== '') raw.push({ op: 'delete', text: oldSpace });
          if (newSpace !== '') raw.push({ op: 'insert', text: newSpace });
          raw.push({ op: 'equal', text: oldToken.slice(oldSpace.length) });
        }
      }
      i += count;
      j += count;
    }
  }
  return tidyOps(raw);
}

/**
 * Merges adjacent ops (each change run becomes one delete then one insert) and moves shared
 * whitespace out of changes, so `"States Parties shall take"` -> `"... may take"` reads
 * equal `States Parties `, delete `shall`, insert `may`, equal ` take`.
 */
export function tidyOps(raw: DiffOp[]): DiffOp[] {
  const runs: DiffOp[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted !== '') runs.push({ op: 'delete', text: deleted });
    if (inserted !== '') runs.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const op of raw) {
    if (op.text === '') continue;
    if (op.op === 'delete') deleted += op.text;
    else if (op.op === 'insert') inserted += op.text;
    else {
      flush();
      const last = runs[runs.length - 1];
      if (last?.op === 'equal') last.text += op.text;
      else runs.push({ ...op });
    }
  }
  flush();
  // Shift whitespace out of change runs.
  const out: DiffOp[] = [];
  for (let k = 0; k < runs.length; k++) {
    const op = runs[k] as DiffOp;
    if (op.op === 'equal') {
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += op.text;
      else out.push({ ...op });
      continue;
    }
    const next = runs[k + 1];
    const pair = next !== undefined && next.op === 'insert' && op.op === 'delete' ? next : undefined;
    const space = leadingSpace(op.text);
    if (pair !== undefined) {
      const common = space !== '' && leadingSpace(pair.text) === space ? space : '';
      if (common !== '') {
        appendEqual(out, common);
        out.push({ op: 'delete', text: op.text.slice(common.length) }, { op: 'insert', text: pair.text.slice(common.length) });
      } else out.push({ ...op }, { ...pair });
      k++;
      continue;
    }
    const after = runs[k + 1];
    if (space !== '' && space.length < op.text.length && after?.op === 'equal' && after.text.startsWith(space)) {
      // A pure insertion or deletion between two words: "a <ins>b </ins>c", not "a<ins> b</ins> c".
      appendEqual(out, space);
      out.push({ op: op.op, text: op.text.slice(space.length) + space });
      after.text = after.text.slice(space.length);
    } else out.push({ ...op });
  }
  return out.filter((op) => op.text !== '');
}

const appendEqual = (out: DiffOp[], text: string): void => {
  const last = out[out.length - 1];
  if (last?.op === 'equal') last.text += text;
  else out.push({ op: 'equal', text });
};

/**
 * Word-level diff of two texts after whitespace normalisation (so a changed line break or page
 * break is no difference). Bracketed runs are single tokens. The diff is bounded by `timeoutMs`
 * and by `deadline` (a `Date.now()` value shared by a whole comparison); past either a sentence diff
 * is tried, then the whole text is replaced, and `fallback` says which. Past the deadline nothing
 * is tried: the text is replaced whole at once.
 * Concatenating equal+delete ops gives the normalised old text, equal+insert the new one.
 *
 * Example: `diffText('States Parties shall take', 'States Parties may take').ops` ->
 * equal `States Parties `, delete `shall`, insert `may`, equal ` take`.
 */
export function diffText(oldText: string, newText: string, timeoutMs = 1000, deadline = Number.POSITIVE_INFINITY): TextDiff {
  const oldFlat = normalizeSpace(oldText);
  const newFlat = normalizeSpace(newText);
  if (oldFlat === newFlat) return { ops: oldFlat === '' ? [] : [{ op: 'equal', text: oldFlat }] };
  const whole = (): TextDiff => ({ ops: tidyOps([{ op: 'delete', text: oldFlat }, { op: 'insert', text: newFlat }]), fallback: 'whole' });
  // One side empty (a provision added or removed) is no work: diffed whatever the deadline.
  const trivial = oldFlat === '' || newFlat === '';
  if (!trivial && Date.now() >= deadline) return { ...whole(), pastDeadline: true };
  const timeLeft = (): number => (trivial ? timeoutMs : Math.min(timeoutMs, deadline - Date.now()));
  const wordTime = timeLeft();
  const words = wordTime > 0 ? wordDiff.changes(oldFlat, newFlat, wordTime) : undefined;
  if (words !== undefined) return { ops: opsFromChanges(wordDiff, oldFlat, newFlat, words) };
  const sentenceTime = timeLeft();
  const sentences = sentenceTime > 0 ? sentenceDiff.changes(oldFlat, newFlat, sentenceTime) : undefined;
  if (sentences !== undefined) {
    return { ops: opsFromChanges(sentenceDiff, oldFlat, newFlat, sentences), fallback: 'sentence' };
  }
  return whole();
}
