import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareDrafts } from '../src/compare.js';
import { readDraft } from '../src/drafts/read-draft.js';
import { parseDocument } from '../src/parse/parse-document.js';
import type { ArticleDiff, FindingCode } from '../src/types.js';

/**
 * Expected outcome of one fixture pair (fixtures/pairs/<name>/expected.json), as read from the
 * edits between its two drafts: every article with its alignment kind and finding codes.
 */
interface ExpectedPair {
  articles: Array<{ old: string | null; new: string | null; kind: ArticleDiff['kind']; findings?: FindingCode[] }>;
}

const PAIRS = fileURLToPath(new URL('../fixtures/pairs/', import.meta.url));
// Every pair folder must carry its expected.json: a pair without one fails here instead of being passed over.
const pairNames = readdirSync(PAIRS).sort();
const GROUP_CODES = /^(safeguard|power)-/;

const load = async (path: string) => parseDocument(await readDraft(path));
type Side = string | { num: string } | null | undefined;
const label = (a: { old?: Side; new?: Side }) => {
  const num = (side: Side) => (side !== null && typeof side === 'object' ? side.num : side) ?? '-';
  return `${num(a.old)}>${num(a.new)}`;
};

describe('compareDrafts on the fixture PDF pairs', () => {
  it.each(pairNames)('%s: every article has its expected kind and finding codes', async (name) => {
    const dir = `${PAIRS}${name}/`;
    const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as ExpectedPair;
    const diff = compareDrafts(await load(`${dir}old.pdf`), await load(`${dir}new.pdf`));
    // The title block, preamble and final text are compared too; the edits leave them alone
    // except renumber-only, whose two drafts carry different title blocks (UN and CoE layout).
    const parts = diff.articles.filter((a) => (a.new ?? a.old)?.element !== undefined);
    const changedParts = parts.filter((a) => a.kind !== 'unchanged').map((a) => (a.new ?? a.old)?.element);
    expect(changedParts).toEqual(name === 'renumber-only' ? ['preface'] : []);
    expect(parts.flatMap((a) => a.findings).filter((f) => GROUP_CODES.test(f.code))).toEqual([]);
    const actual = diff.articles.filter((a) => !parts.includes(a)).map((a) => ({
      article: label(a),
      kind: a.kind,
      findings: [...new Set(a.findings.map((f) => f.code))].sort(),
    }));
    const wanted = expected.articles.map((a) => ({
      article: label(a),
      kind: a.kind,
      findings: [...new Set(a.findings ?? [])].sort(),
    }));
    expect(actual).toEqual(wanted);
    // Unchanged and reference-only articles never carry a safeguard or power finding.
    for (const a of diff.articles) {
      const substantive = a.provisions.some((p) => p.kind !== 'unchanged' && p.referenceOnly !== true);
      if (!substantive && a.kind !== 'added' && a.kind !== 'removed') {
        expect(a.findings.filter((f) => GROUP_CODES.test(f.code)).map((f) => f.code)).toEqual([]);
      }
    }
  });
});
