// Footnote changes are part of the diff: paired by text then marker, and a footnote-only change is reported in every format.

import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import { diffFootnotes } from '../src/diff/diff-footnotes.js';
import { exitCodeFor } from '../src/exit-codes.js';
import { renderHtml } from '../src/render/html.js';
import { renderJson } from '../src/render/json.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { createHighlighter } from '../src/render/highlight.js';
import { renderText } from '../src/render/text.js';
import { buildDoc, markup } from './compare-build-doc.js';

const schema = JSON.parse(readFileSync(new URL('../schema/treaty-diff.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const note = (marker: string, text: string, page = 1) => ({ marker, text, page });

describe('diffFootnotes', () => {
  it('takes the same text under a new marker for a renumbering, not a rewording', () => {
    // An inserted footnote renumbers the next one: the same text is the same footnote.
    expect(diffFootnotes([note('1', 'Kept.')], [note('1', 'Inserted.'), note('2', 'Kept.')])).toEqual([
      { kind: 'added', new: note('1', 'Inserted.') },
      { kind: 'renumbered', old: note('1', 'Kept.'), new: note('2', 'Kept.') },
    ]);
  });

  it('pairs the same marker with other words as reworded, with the word diff', () => {
    const [kept, reworded, added] = diffFootnotes([note('1', 'Kept.'), note('2', 'Under discussion.')], [note('1', 'Kept.'), note('2', 'Agreed ad referendum.'), note('3', 'Added.')]);
    expect(kept).toEqual({ kind: 'unchanged', old: note('1', 'Kept.'), new: note('1', 'Kept.') });
    expect(reworded?.kind).toBe('reworded');
    expect(markup(reworded?.ops ?? [])).toBe('<del>Under discussion</del><ins>Agreed ad referendum</ins>.');
    expect(added).toEqual({ kind: 'added', new: note('3', 'Added.') });
  });

  it('lists footnotes only the old draft has as removed, after the others', () => {
    expect(diffFootnotes([note('3', 'Gone.')], [note('1', 'New.')])).toEqual([
      { kind: 'added', new: note('1', 'New.') },
      { kind: 'removed', old: note('3', 'Gone.') },
    ]);
  });
});

describe('an article whose only change is a footnote', () => {
  const body = 'Each Party shall establish the conditions and safeguards provided for under its domestic law.';
  const oldDoc = buildDoc([
    { num: '1', heading: 'Use of terms', text: 'For the purposes of this Convention, terms have the meanings given.' },
    { num: '15', heading: 'Conditions and safeguards', text: body, footnotes: { '2': 'The proposal to add necessity remains under discussion.' } },
  ]);
  const newDoc = buildDoc([
    { num: '1', heading: 'Use of terms', text: 'For the purposes of this Convention, terms have the meanings given.' },
    { num: '15', heading: 'Conditions and safeguards', text: body, footnotes: { '2': 'The proposal to add necessity was withdrawn.' } },
  ]);
  const diff = compareDrafts(oldDoc, newDoc);
  const article = diff.articles.find((a) => a.new?.num === '15')!;

  it('is modified, and the comparison differs (exit 1)', () => {
    expect(article.kind).toBe('modified');
    expect(article.provisions.every((p) => p.kind === 'unchanged')).toBe(true);
    expect(diff.summary.articles).toEqual({ unchanged: 1, modified: 1 });
    expect(exitCodeFor(diff)).toBe(1);
  });

  it('is reported in JSON as a footnote change with its word diff', () => {
    const parsed: unknown = JSON.parse(renderJson(diff));
    validate(parsed);
    expect(validate.errors ?? [], 'schema errors').toEqual([]);
    const json = parsed as { articles: { new?: { num: string }; footnoteChanges?: unknown }[] };
    const art15 = json.articles.find((a) => a.new?.num === '15')!;
    expect(art15.footnoteChanges).toEqual([
      {
        kind: 'reworded',
        old: note('2', 'The proposal to add necessity remains under discussion.'),
        new: note('2', 'The proposal to add necessity was withdrawn.'),
        ops: [
          { op: 'equal', text: 'The proposal to add necessity ' },
          { op: 'delete', text: 'remains under discussion' },
          { op: 'insert', text: 'was withdrawn' },
          // The full stop is the same in both: it is not part of the change.
          { op: 'equal', text: '.' },
        ],
      },
    ]);
    // Unchanged articles carry no footnoteChanges key at all.
    expect(json.articles.find((a) => a.new?.num === '1')).not.toHaveProperty('footnoteChanges');
  });

  it('is reported in text, Markdown and HTML', () => {
    expect(renderText(diff, createHighlighter(0))).toContain('footnote 2 (reworded): The proposal to add necessity [-remains under discussion-]{+was withdrawn+}.');
    expect(renderMarkdown(diff)).toContain('_p. 1 -> p. 1_\n\n**footnote 2 (reworded):** The proposal to add necessity ~~remains under discussion~~**was withdrawn**.\n');
    expect(renderHtml(diff)).toContain('The proposal to add necessity <del>remains under discussion</del><ins>was withdrawn</ins>.');
  });

  it('is not reported when the footnote was only renumbered', () => {
    const renumbered = buildDoc([
      { num: '1', heading: 'Use of terms', text: 'For the purposes of this Convention, terms have the meanings given.' },
      { num: '15', heading: 'Conditions and safeguards', text: body, footnotes: { '3': 'The proposal to add necessity remains under discussion.' } },
    ]);
    const same = compareDrafts(oldDoc, renumbered);
    expect(same.articles.every((a) => a.kind === 'unchanged')).toBe(true);
    expect(exitCodeFor(same)).toBe(0);
  });
});
