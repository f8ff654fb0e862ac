// `[deleted]` placeholders (EU Council texts): a provision deleted in place is removed, kept as [deleted], never added, and no negotiation bracket.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import { extractText } from '../src/extract/text.js';
import { checkCoverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { listArticles } from '../src/parse/walk.js';
import type { TreatyDiff, TreatyDocument } from '../src/types.js';
import { runCli } from './helpers/cli.js';

const textDraft = (text: string): TreatyDocument => parseDocument(extractText(text, { path: 'draft.txt', sha256: 'ab'.repeat(32), format: 'text' }));

const OLD = `Article 23 – Scope

This Regulation applies to providers of hosting services.

Article 24 – Judicial review

Member States shall ensure judicial review of every order.

Article 25 – Access

1. Authorities may access data.

2. Access shall be limited to:

(a) serious crime;

(b) terrorism; and

(c) cases subject to prior judicial authorisation.

Article 26

[deleted]
`;

const NEW = `Article 23 – Scope

This Regulation applies to providers of hosting services.

Article 24

[deleted]

Article 25 – Access

1. Authorities may access data.

2. Access shall be limited to:

(a) serious crime;

(b) terrorism; and

(c) [deleted]

Article 26

[deleted]
`;

const kinds = (diff: TreatyDiff) => diff.articles.map((a) => `${a.old?.num ?? '-'}>${a.new?.num ?? '-'} ${a.kind}`);
const codes = (diff: TreatyDiff, num: string) => diff.articles.find((a) => (a.old?.num ?? a.new?.num) === num)!.findings.map((f) => f.code).sort();

describe('parsing [deleted] placeholders', () => {
  it('marks an article that is only [deleted] (heading line, then the placeholder), and a point (c) [deleted]', () => {
    const doc = textDraft(NEW);
    const articles = listArticles(doc).map((a) => a.article);
    expect(articles.map((a) => [a.id, a.heading ?? null, a.text, a.deleted ?? false, a.brackets])).toEqual([
      ['art_23', 'Scope', 'This Regulation applies to providers of hosting services.', false, 0],
      ['art_24', null, '[deleted]', true, 0],
      ['art_25', 'Access', '', false, 0],
      ['art_26', null, '[deleted]', true, 0],
    ]);
    const c = articles[2]!.children[1]!.children[2]!;
    expect([c.id, c.text, c.deleted, c.brackets]).toEqual(['art_25__para_2__subpara_c', '[deleted]', true, 0]);
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });

  it('reads `Article 24 [deleted]` on one line as the same placeholder', () => {
    const doc = textDraft('Article 23 – Scope\n\nIt applies.\n\nArticle 24 [deleted]\n\nArticle 25 – Access\n\nAuthorities may access data.\n');
    expect(listArticles(doc).map((a) => [a.article.num, a.article.text, a.article.deleted ?? false])).toEqual([
      ['23', 'It applies.', false],
      ['24', '[deleted]', true],
      ['25', 'Authorities may access data.', false],
    ]);
    expect(checkCoverage(doc)).toEqual({ missing: [], duplicated: [] });
  });

  it('never takes [deleted] for a heading, and counts bracketed words that are not the placeholder', () => {
    const last = listArticles(textDraft('Article 5\n\n[deleted]\n'))[0]!.article;
    expect([last.heading, last.text, last.deleted]).toEqual([undefined, '[deleted]', true]);
    const words = listArticles(textDraft('Article 5 – Scope\n\n[deleted text of the proposal] and [shall][may] apply.\n'))[0]!.article;
    expect([words.deleted, words.brackets]).toEqual([undefined, 3]);
  });
});

describe('comparing drafts with [deleted] placeholders', () => {
  it('an article deleted in place is removed (kept as [deleted]), a point deleted in place is removed, a placeholder on both sides is unchanged', () => {
    const diff = compareDrafts(textDraft(OLD), textDraft(NEW));
    expect(kinds(diff)).toEqual(['23>23 unchanged', '24>24 removed', '25>25 modified', '26>26 unchanged']);
    const removed = diff.articles[1]!;
    expect(removed.new).toMatchObject({ num: '24', deleted: true });
    expect(removed.old!.deleted).toBeUndefined();
    expect(codes(diff, '24')).toEqual(['article-removed', 'safeguard-removed']);
    expect(removed.findings.find((f) => f.code === 'article-removed')!.message).toBe('article 24 was removed (kept as [deleted])');
    // The point: removed, its safeguard removed (not weakened), no brackets added.
    const access = diff.articles[2]!;
    expect(access.provisions.filter((p) => p.kind !== 'unchanged').map((p) => [p.id, p.kind])).toEqual([['art_25__para_2__subpara_c', 'removed']]);
    expect(codes(diff, '25')).toEqual(['article-modified', 'safeguard-removed']);
    expect(diff.articles[3]!.findings).toEqual([]);
    expect(diff.findings.map((f) => f.code)).not.toContain('brackets-added');
    expect(diff.findings.map((f) => f.code)).not.toContain('article-added');
    // Paired by number only, by design: no weak-alignment warning.
    expect(diff.warnings).toEqual([]);
  });

  it('a placeholder with no old article to pair with is removed, never added', () => {
    const diff = compareDrafts(textDraft('Article 1 – Scope\n\nIt applies.\n'), textDraft('Article 1 – Scope\n\nIt applies.\n\nArticle 2\n\n[deleted]\n'));
    expect(kinds(diff)).toEqual(['1>1 unchanged', '->2 removed']);
    expect(diff.articles[1]!.findings.map((f) => [f.code, f.message])).toEqual([['article-removed', 'article 2 was removed (kept as [deleted])']]);
  });

  it('a placeholder filled again is added; a placeholder is no bracket resolved', () => {
    const diff = compareDrafts(textDraft('Article 1 – Scope\n\nIt applies.\n\nArticle 2\n\n[deleted]\n'), textDraft('Article 1 – Scope\n\nIt applies.\n\nArticle 2 – Review\n\nOrders are subject to judicial review.\n'));
    expect(kinds(diff)).toEqual(['1>1 unchanged', '2>2 added']);
    expect(codes(diff, '2')).toEqual(['article-added', 'safeguard-added']);
    expect(diff.findings.map((f) => f.code)).not.toContain('brackets-resolved');
  });

  it('through the CLI: JSON marks the placeholder side deleted and the text report says kept as [deleted]', () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-diff-deleted-'));
    writeFileSync(join(dir, 'old.txt'), OLD);
    writeFileSync(join(dir, 'new.txt'), NEW);
    const json = runCli([join(dir, 'old.txt'), join(dir, 'new.txt'), '--format', 'json', '--no-cache']);
    const diff = JSON.parse(json.stdout) as TreatyDiff;
    expect(kinds(diff)).toEqual(['23>23 unchanged', '24>24 removed', '25>25 modified', '26>26 unchanged']);
    expect(diff.articles[1]!.new).toMatchObject({ deleted: true });
    expect(diff.summary.articles).toEqual({ unchanged: 2, modified: 1, removed: 1 });
    const text = runCli([join(dir, 'old.txt'), join(dir, 'new.txt'), '--no-cache']);
    expect(text.stdout).toContain('article 24 was removed (kept as [deleted])');
    expect(text.stdout).not.toContain('brackets');
  });
});
