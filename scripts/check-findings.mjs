// Trust check of a comparison's findings against the new draft's own text: removed wording still there,
// opposite directions on one evidence, page furniture quoted as evidence. Independent of src/ by design.
//
//   node scripts/check-findings.mjs report.json new.pdf     (report: treaty-diff --format json; needs pdftotext)

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Wording shorter than this many words is never judged present or absent: too common to tell. */
export const MIN_WORDS = 8;
/** Share of an evidence's words that must stand, in runs of MIN_WORDS, in the new draft to call it present. */
export const PRESENT_SHARE = 0.8;

const DIRECTION = {
  'safeguard-added': ['safeguard', 1],
  'safeguard-strengthened': ['safeguard', 1],
  'safeguard-removed': ['safeguard', -1],
  'safeguard-weakened': ['safeguard', -1],
  'power-added': ['power', 1],
  'power-expanded': ['power', 1],
  'power-removed': ['power', -1],
  'power-narrowed': ['power', -1],
};

/** Lower-cased words (letters and digits) of a text. Example: `words("Article 5(1)")` -> ['article', '5', '1']. */
export const words = (text) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());

/**
 * Lines that repeat at the top or bottom of many pages (digits compared as one), as regular expressions:
 * running headers and footers such as `RB/ek` and `TREE.2.B` of `15698/22 RB/ek 93`, or `EN 59 EN`. A line
 * counts when it stands in the first two or last six lines of a third of the pages, and has at least four
 * characters with letters among them (a bare page number or "15698/22" would match any figure in a quote).
 * Example: pages ending "RB/ek" / "TREE.2.B" / "93" -> /RB\/ek/, /TREE\.\d+\.B/. Negative: "Article 5" lines
 * in the middle of pages are never furniture.
 */
export function furnitureLines(pages) {
  const seen = new Map();
  for (const page of pages) {
    const lines = page.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '');
    const edge = [...lines.slice(0, 2), ...lines.slice(-6)];
    const keys = new Set(edge.map((l) => l.replace(/\d+/g, '#')).filter((l) => /\p{L}/u.test(l) && l.length >= 4));
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const floor = Math.max(3, pages.length / 3);
  return [...seen.entries()]
    .filter(([, n]) => n >= floor)
    .map(([key]) => new RegExp(`(?<![\\p{L}\\p{N}])${key.split('#').map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+')).join('\\d+')}(?![\\p{L}\\p{N}])`, 'u'));
}

/** The new draft's words, furniture lines and line-end hyphens taken out. */
function draftWords(pages, furniture) {
  const text = pages
    // Furniture lines and lines of bare numbers ("15698/22", "93": the rest of a footer, page numbers).
    .map((page) => page.split('\n').filter((line) => !furniture.some((re) => re.test(line.trim())) && !/^[\d/.\s]+$/.test(line)).join('\n'))
    .join('\n')
    .replace(/(\p{L})-\n\s*(\p{L})/gu, '$1$2');
  return words(text);
}

/** Share of `needle`'s words covered by runs of MIN_WORDS that stand in `shingles` (a Set of joined runs). */
function presentShare(needle, shingles) {
  if (needle.length < MIN_WORDS) return 0;
  const covered = new Array(needle.length).fill(false);
  for (let k = 0; k + MIN_WORDS <= needle.length; k++) {
    if (shingles.has(needle.slice(k, k + MIN_WORDS).join(' '))) for (let j = k; j < k + MIN_WORDS; j++) covered[j] = true;
  }
  return covered.filter(Boolean).length / needle.length;
}

const flat = (text) => words(text ?? '').join(' ');

/** Two findings that read opposite directions on one axis from the same wording (one quote holds the other) of one provision. */
export function contradictory(a, b) {
  const da = DIRECTION[a.code];
  const db = DIRECTION[b.code];
  if (da === undefined || db === undefined || da[0] !== db[0] || da[1] === db[1] || a.at !== b.at) return false;
  return ['old', 'new'].some((side) => {
    const x = flat(a.evidence?.[side]);
    const y = flat(b.evidence?.[side]);
    return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
  });
}

/**
 * Checks a comparison report (`--format json`) against the new draft's pages (plain text, one string per page):
 *
 * - `removedButPresent`: `*-removed` findings whose quoted old wording (at least MIN_WORDS words) still stands
 *   in the new draft (PRESENT_SHARE of its words, in runs of MIN_WORDS, furniture lines left out);
 * - `contradictory`: pairs of findings with opposite directions on one evidence;
 * - `furnitureInEvidence`: findings whose evidence quotes a line repeated across the new draft's pages.
 *
 * Example: a report with `safeguard-removed` quoting "the market surveillance authorities shall be granted
 * access to the source code" while the new draft still prints it gives one `removedButPresent`. Negative: a
 * removed "where appropriate" is never counted (too short to tell).
 */
export function checkFindings(report, pages) {
  const furniture = furnitureLines(pages);
  const all = draftWords(pages, furniture);
  const shingles = new Set();
  for (let k = 0; k + MIN_WORDS <= all.length; k++) shingles.add(all.slice(k, k + MIN_WORDS).join(' '));
  const findings = report.findings ?? [];
  const removedButPresent = findings.filter(
    (f) => /^(safeguard|power)-removed$/.test(f.code) && presentShare(words(f.evidence?.old ?? ''), shingles) >= PRESENT_SHARE,
  );
  const pairs = [];
  for (let i = 0; i < findings.length; i++) {
    for (let j = i + 1; j < findings.length; j++) if (contradictory(findings[i], findings[j])) pairs.push([findings[i], findings[j]]);
  }
  const furnitureInEvidence = findings.filter((f) => [f.evidence?.old, f.evidence?.new].some((text) => text !== undefined && furniture.some((re) => re.test(text))));
  return {
    counts: { removedButPresent: removedButPresent.length, contradictory: pairs.length, furnitureInEvidence: furnitureInEvidence.length },
    removedButPresent,
    contradictory: pairs,
    furnitureInEvidence,
  };
}

/** The pages of a PDF as pdftotext reads them (an independent reader, not ours). */
export function pdfPages(pdf) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [reportPath, pdf] = process.argv.slice(2);
  if (reportPath === undefined || pdf === undefined) {
    console.error('usage: node scripts/check-findings.mjs report.json new.pdf');
    process.exitCode = 2;
  } else {
    const result = checkFindings(JSON.parse(readFileSync(reportPath, 'utf8')), pdfPages(pdf));
    console.log(JSON.stringify(result.counts));
    for (const f of result.removedButPresent) console.log(`removed but present: ${f.code} ${f.at}: ${f.evidence.old}`);
    for (const [a, b] of result.contradictory) console.log(`contradictory: ${a.code} / ${b.code} ${a.at}`);
    for (const f of result.furnitureInEvidence) console.log(`furniture in evidence: ${f.code} ${f.at}`);
  }
}
