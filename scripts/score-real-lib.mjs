// Scoring of the reader on the real drafts in ../shared/real-drafts: each PDF's `extract --format json` against its clean reference text.
//
// The reference (`<draft>.clean.md`) is pandoc markdown: articles open with `*Article 6*` or `*Article 4 Heading*`
// (a heading on its own italic line may follow a bare number), recitals are `(12)` / `(5a)` paragraphs before
// "HAVE ADOPTED", TITLE and CHAPTER lines are upper case or `#` headings, and "Done at" ends the enacting terms.
// Everything measured on the PDF itself (page furniture, footnote count) comes from `pdftotext -layout`,
// with no document string written here.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffArrays } from 'diff';
import { findStruckText } from './struck-text.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'treaty-diff.js');

/**
 * What the real drafts' README states, per file stem, printed beside the figures counted from the clean
 * text when the two differ (e.g. the general approach's recital (38) is merged into (37) in its clean text).
 */
export const README_FIGURES = {
  'com-2021-206-proposal': { articles: 85, recitals: 89, footnotes: 81 },
  'council-2022-09-23-cz-compromise-3-st12549': { articles: 94 },
  'council-2022-12-06-general-approach-st15698': { articles: 98, recitals: 109, footnotes: 33 },
};

/** How the expected footnote figure is counted (printed with the table). */
export const FOOTNOTE_METHOD =
  'expected footnotes = bare footnote numbers in `pdftotext -layout` (a line holding only a number, followed by text on its page), counted as the run 1, 2, 3... in page order';

/**
 * The real drafts folder beside the repository.
 * @example realDraftsDir('/work/main') // '/work/shared/real-drafts'
 */
export function realDraftsDir(root = ROOT) {
  return join(root, '..', 'shared', 'real-drafts');
}

/**
 * The PDFs of `dir/eu-ai-act` that have a `.clean.md` reference, sorted by name.
 * @example scoredDrafts(realDraftsDir()).map((d) => d.name) // ['com-2021-206-proposal', ...]
 */
export function scoredDrafts(dir) {
  const folder = join(dir, 'eu-ai-act');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.pdf') && existsSync(join(folder, file.replace(/\.pdf$/, '.clean.md'))))
    .sort()
    .map((file) => ({
      name: file.replace(/\.pdf$/, ''),
      pdf: join(folder, file),
      clean: join(folder, file.replace(/\.pdf$/, '.clean.md')),
    }));
}

// ---------------------------------------------------------------------------
// Words

/**
 * Normalised words: NFKC, lower case, split on anything that is not a letter or digit.
 * @example words('High-risk AI systems’ “logs”') // ['high', 'risk', 'ai', 'systems', 'logs']
 */
export function words(text) {
  return text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Article number as a lookup key.
 * @example numKey('4 A') // '4a'
 */
export function numKey(num) {
  return num.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Words common to both sequences in order (the length of their alignment by diff).
 * @example matchedWords(['a', 'b', 'c'], ['a', 'x', 'c']) // 2
 */
export function matchedWords(reference, extracted) {
  return diffArrays(reference, extracted)
    .filter((change) => !change.added && !change.removed)
    .reduce((sum, change) => sum + change.count, 0);
}

/**
 * Which words of the PDF are struck through, by page (from `findStruckText`), to look up runs of reference
 * words: a word counts as struck when it and a neighbour stand next to each other in a struck run on the
 * given pages, or, alone, when it is a struck word there.
 * @example
 * const struck = struckIndex(new Map([[90, ['referred to in paragraph 1']]]));
 * struck.count(['referred', 'to', 'in'], [90, 90]) // 3
 */
export function struckIndex(pages) {
  const byPage = new Map();
  for (const [page, runs] of pages) {
    const pairs = new Set();
    const single = new Set();
    for (const run of runs) {
      const list = words(run);
      list.forEach((word, index) => {
        single.add(word);
        if (index > 0) pairs.add(`${list[index - 1]} ${word}`);
      });
    }
    byPage.set(page, { pairs, single });
  }
  return {
    /** How many words of `run` (reference words the reader does not have) the PDF strikes on pages `first - 1` to `last + 1`. */
    count(run, [first, last]) {
      const near = [];
      for (let page = first - 1; page <= last + 1; page += 1) if (byPage.has(page)) near.push(byPage.get(page));
      if (near.length === 0) return 0;
      const pair = (a, b) => near.some((entry) => entry.pairs.has(`${a} ${b}`));
      if (run.length === 1) return near.some((entry) => entry.single.has(run[0])) ? 1 : 0;
      return run.filter((word, index) => (index > 0 && pair(run[index - 1], word)) || (index + 1 < run.length && pair(word, run[index + 1]))).length;
    },
  };
}

const ratio = (part, whole) => (whole === 0 ? 1 : part / whole);
const f1 = (recall, precision) => (recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision));

// ---------------------------------------------------------------------------
// The clean reference text

const ARTICLE_LINE = /^\*\s*Article\s+(\d+[a-z]*)\b\s*(.*?)\s*\*\s*$/;
const ITALIC_LINE = /^\*([^*]+)\*\s*$/;
const RECITAL_LINE = /^\((\d+)([a-z]*)\)\s/;

/** A line without markdown escapes, emphasis and heading marks, its spaces collapsed. */
function plain(line) {
  return line
    .replace(/\\(.)/g, '$1')
    .replace(/^#+\s*/, '')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** TITLE / CHAPTER / SECTION / ANNEX lines and other all-capital headings: they belong to no article. */
function isContainerLine(raw, text) {
  if (raw.trimStart().startsWith('#')) return true;
  if (/^(TITLE|CHAPTER|SECTION|ANNEX)\b/.test(text)) return true;
  return !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}{2,}/gu) ?? []).length >= 2;
}

/** Recital labels as an ordering key: (5) < (5a) < (6). */
const recitalKey = ([number, suffix]) => Number(number) * 1000 + (suffix ? suffix.charCodeAt(0) - 96 : 0);

/** Longest run of labels in increasing order: a stray `(2)` that opens a broken line is not a recital. */
function increasingRun(labels) {
  const best = labels.map(() => 1);
  for (let i = 0; i < labels.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      if (recitalKey(labels[j]) < recitalKey(labels[i]) && best[j] + 1 > best[i]) best[i] = best[j] + 1;
    }
  }
  return Math.max(0, ...best);
}

/**
 * The articles and recitals of a clean reference text.
 *
 * @example
 * parseCleanText('(1) Whereas...\n\nHAVE ADOPTED THIS REGULATION:\n\n*Article 1 Subject matter*\n\n1.  Rules.\n')
 * // { recitals: 1, articles: [{ num: '1', heading: 'Subject matter', text: '1. Rules.' }], vocabulary: Set {...} }
 */
export function parseCleanText(markdown) {
  const lines = markdown.split('\n').filter((line) => !/^```|^<!--/.test(line.trim()));
  const articles = [];
  const recitalLabels = [];
  let current;
  let inPreamble = true;
  let ended = false;
  let headingMayFollow = false;
  for (const raw of lines) {
    const text = plain(raw);
    if (text === '') continue;
    const article = ARTICLE_LINE.exec(raw.replace(/\\(.)/g, '$1').trim());
    if (article && !ended) {
      inPreamble = false;
      current = { num: article[1], heading: article[2], body: [] };
      articles.push(current);
      headingMayFollow = current.heading === '';
      continue;
    }
    if (inPreamble) {
      if (/HAVE ADOPTED/.test(text)) inPreamble = false;
      const recital = RECITAL_LINE.exec(text);
      if (recital) recitalLabels.push([recital[1], recital[2]]);
      continue;
    }
    if (headingMayFollow && ITALIC_LINE.test(raw.trim()) && current) {
      current.heading = text;
      headingMayFollow = false;
      continue;
    }
    headingMayFollow = false;
    if (/\bDone at\b/.test(text)) ended = true;
    if (ended || isContainerLine(raw, text)) {
      current = undefined;
      continue;
    }
    current?.body.push(text);
  }
  return {
    // `Article 24 [deleted]` (or `[deleted]` as the line under the number) is a provision deleted in place:
    // its placeholder is its text, not its heading.
    articles: articles.map(({ num, heading, body }) =>
      /^\[\s*deleted\s*\][.;]?$/i.test(heading) ? { num, heading: '', text: [heading, ...body].join(' ') } : { num, heading, text: body.join(' ') },
    ),
    recitals: increasingRun(recitalLabels),
    vocabulary: new Set(words(markdown.replace(/\\(.)/g, '$1'))),
  };
}

// ---------------------------------------------------------------------------
// The PDF itself, through pdftotext

/**
 * The pages of a PDF as `pdftotext -layout` lays them out, or undefined when pdftotext is not installed.
 * @example pdfPages('draft.pdf')?.length // 108
 */
export function pdfPages(pdf) {
  const run = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error || run.status !== 0) return undefined;
  const pages = run.stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/**
 * Digit-insensitive form of a line, to compare running headers and footers across pages.
 * @example furnitureKey('  12549/22    RB/ek   70 ') // '#/# RB/ek #'
 */
export function furnitureKey(line) {
  return line.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(/\d+/g, '#');
}

/**
 * Running header and footer lines: among the first 2 and last 3 non-empty lines of every page, those
 * (digits aside) on at least 30% of the pages and at least 3 of them, with 3 letters or more.
 * @example furniturePatterns(['x\nEN 1 EN\n', 'y\nEN 2 EN\n', 'z\nEN 3 EN\n']) // ['EN # EN']
 */
export function furniturePatterns(pages) {
  const counts = new Map();
  for (const page of pages) {
    const lines = page.split('\n').map(furnitureKey).filter(Boolean);
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-3)]);
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const floor = Math.max(3, 0.3 * pages.length);
  return [...counts]
    .filter(([key, count]) => count >= floor && (key.match(/\p{L}/gu) ?? []).length >= 3)
    .map(([key]) => key);
}

/**
 * Footnotes printed in the PDF: see FOOTNOTE_METHOD.
 * @example countPdfFootnotes(['text\n1\n  OJ C 1.\n2\n  OJ C 2.\nEN 1 EN']) // 2
 */
export function countPdfFootnotes(pages) {
  let next = 1;
  for (const page of pages) {
    const lines = page.split('\n').map((line) => line.trim()).filter(Boolean);
    lines.forEach((line, index) => {
      if (line === String(next) && index + 1 < lines.length) next += 1;
    });
  }
  return next - 1;
}

// ---------------------------------------------------------------------------
// The reader's output

/**
 * Runs the built CLI's `extract --format json --no-cache` with a fresh cache folder.
 * @example const { exitCode, ms, doc } = await runExtract('draft.pdf'); // doc: parsed JSON, or undefined
 */
export async function runExtract(pdf) {
  const cache = mkdtempSync(join(tmpdir(), 'treaty-diff-score-'));
  const started = performance.now();
  try {
    const child = spawn(process.execPath, [BIN, 'extract', pdf, '--format', 'json', '--no-cache'], {
      env: { ...process.env, XDG_CACHE_HOME: cache },
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const exitCode = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code ?? -1));
    });
    const ms = Math.round(performance.now() - started);
    const out = Buffer.concat(stdout).toString('utf8');
    let doc;
    try {
      doc = JSON.parse(out);
    } catch {
      doc = undefined;
    }
    return { exitCode, ms, stderr: Buffer.concat(stderr).toString('utf8').trim(), doc };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/** Every node of the tree, depth first. */
function* allNodes(nodes) {
  for (const node of nodes) {
    yield node;
    yield* allNodes(node.children);
  }
}

/** An article's own words below its heading: text, then each provision's number and text, then wrap-up. */
function bodyText(node) {
  const parts = [node.text];
  for (const child of node.children) parts.push(child.num ?? '', child.heading ?? '', bodyText(child));
  parts.push(node.wrapUp ?? '');
  return parts.filter(Boolean).join(' ');
}

/**
 * Distinct footnotes of the document: `found`, attached to a node, to unplaced text (a memorandum) or to
 * neither (`doc.footnotes`, those no marker cites); `attached`, those a marker in the text cites.
 */
function footnoteCounts(doc) {
  const key = (footnote) => `${footnote.marker}|${footnote.page}|${footnote.text}`;
  const attached = new Set(
    [...doc.unplaced.flatMap((entry) => entry.footnotes ?? []), ...[...allNodes(doc.nodes)].flatMap((node) => node.footnotes)].map(key),
  );
  const found = new Set([...attached, ...doc.footnotes.map(key)]);
  return { found: found.size, attached: attached.size };
}

/** All text the reader produced (headings, numbers, text, unplaced text, footnotes), for the run-together check. */
function documentText(doc) {
  const parts = [...allNodes(doc.nodes)].flatMap((node) => [node.num ?? '', node.heading ?? '', node.text, node.wrapUp ?? '']);
  parts.push(...doc.unplaced.map((item) => item.text));
  parts.push(...doc.footnotes.map((footnote) => footnote.text));
  return parts.join(' ');
}

/** Most vocabulary words (each a number or at least `minLength` letters) that spell `token`; 0 when none do. */
function mostPieces(token, vocabulary, minLength) {
  // best[i]: most pieces that spell token.slice(0, i), -1 when none do.
  const best = [0, ...Array.from(token, () => -1)];
  for (let end = 1; end <= token.length; end += 1) {
    for (let start = 0; start < end; start += 1) {
      const piece = token.slice(start, end);
      if (best[start] === -1 || !vocabulary.has(piece) || (piece.length < minLength && !/^\d+$/.test(piece))) continue;
      best[end] = Math.max(best[end], best[start] + 1);
    }
  }
  return Math.max(0, best[token.length]);
}

/**
 * True when a token with letters, not in the vocabulary, is spelled by vocabulary words run together: two or
 * more words of 3+ letters, or three or more of 2+ letters (so `in`+`capacities` is not flagged).
 * @example splitsIntoWords('classificationofai', new Set(['classification', 'of', 'ai'])) // true
 */
export function splitsIntoWords(token, vocabulary) {
  if (vocabulary.has(token) || !/\p{L}/u.test(token)) return false;
  return mostPieces(token, vocabulary, 3) >= 2 || mostPieces(token, vocabulary, 2) >= 3;
}

/**
 * The words pdftotext reads in a PDF, and their letter runs: pdftotext sets a footnote marker flush
 * against its word (`copyright11`), so `copyright` is a word of the PDF too.
 * @example knownWords(['liability10 and copyright11']) // Set { 'liability10', 'liability', 'and', 'copyright11', 'copyright' }
 */
export function knownWords(pages) {
  const known = new Set();
  for (const word of words(pages.join('\n'))) {
    known.add(word);
    for (const letters of word.split(/\P{L}+/u)) if (letters !== '') known.add(letters);
  }
  return known;
}

/**
 * Tokens of the reader's text that look like words run together: longer than 25 letters, or absent from the
 * clean text's vocabulary and from `known` (the words pdftotext reads in the same PDF: `withdrawing` is a word
 * there, not `with` + `drawing`) but spelled by two or more of the clean text's words.
 * @example runTogether('TITLEIII GENERAL', new Set(['title', 'iii', 'general'])) // { count: 1, examples: ['TITLEIII'] }
 */
export function runTogether(text, vocabulary, known = new Set()) {
  const verdicts = new Map();
  const examples = new Set();
  let count = 0;
  for (const token of text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    const key = token.toLowerCase();
    if (!verdicts.has(key)) verdicts.set(key, key.length > 25 || (!known.has(key) && splitsIntoWords(key, vocabulary)));
    if (!verdicts.get(key)) continue;
    count += 1;
    if (examples.size < 5) examples.add(token);
  }
  return { count, examples: [...examples] };
}

// ---------------------------------------------------------------------------
// One document

/**
 * Scores one parsed draft against its clean reference and its PDF pages.
 *
 * @example
 * const score = scoreDocument({ name, doc, exitCode: 0, ms: 3100, clean: parseCleanText(md), pages: pdfPages(pdf) });
 * score.words.recall // 0.97
 */
export function scoreDocument({ name, doc, exitCode, ms, stderr = '', clean, pages, struck }) {
  const readme = README_FIGURES[name] ?? {};
  const expected = new Map(clean.articles.map((article) => [numKey(article.num), article]));
  const found = [...allNodes(doc.nodes)].filter((node) => node.kind === 'article');
  const foundByKey = new Map();
  for (const article of found) {
    const key = numKey(article.num ?? '');
    foundByKey.set(key, [...(foundByKey.get(key) ?? []), article]);
  }
  const missing = clean.articles.filter((article) => !foundByKey.has(numKey(article.num))).map((article) => article.num);
  const extra = [...foundByKey]
    .filter(([key, articles]) => !expected.has(key) || articles.length > 1)
    .map(([key, articles]) => (articles.length > 1 ? `${articles[0]?.num ?? key} x${articles.length}` : articles[0]?.num ?? key));

  const headingMismatches = [];
  let headingsCompared = 0;
  const perArticle = [];
  let matched = 0;
  /** Reference words the reader does not have and the PDF strikes through (a reference that kept struck text). */
  let struckMissing = 0;
  for (const reference of clean.articles) {
    const article = foundByKey.get(numKey(reference.num))?.[0];
    if (!article) continue;
    if (reference.heading !== '') {
      headingsCompared += 1;
      if (words(reference.heading).join(' ') !== words(article.heading ?? '').join(' ')) {
        headingMismatches.push({ num: reference.num, found: article.heading ?? '', expected: reference.heading });
      }
    }
    const referenceWords = words(reference.text);
    const extractedWords = words(bodyText(article));
    const changes = diffArrays(referenceWords, extractedWords);
    const common = changes.filter((change) => !change.added && !change.removed).reduce((sum, change) => sum + change.count, 0);
    matched += common;
    if (struck !== undefined && article.pages !== undefined) {
      for (const change of changes) if (change.removed) struckMissing += struck.count(change.value, article.pages);
    }
    const recall = ratio(common, referenceWords.length);
    const precision = ratio(common, extractedWords.length);
    perArticle.push({ num: reference.num, recall, precision, f1: f1(recall, precision) });
  }
  const referenceWordCount = clean.articles.reduce((sum, article) => sum + words(article.text).length, 0);
  const extractedWordCount = found.reduce((sum, article) => sum + words(bodyText(article)).length, 0);
  const recall = ratio(matched, referenceWordCount);
  const precision = ratio(matched, extractedWordCount);

  const patterns = pages ? furniturePatterns(pages) : undefined;
  const withFurniture = patterns
    ? found
        .filter((article) => {
          const key = furnitureKey(`${article.heading ?? ''} ${bodyText(article)}`);
          return patterns.some((pattern) => key.includes(pattern));
        })
        .map((article) => article.num ?? '')
    : [];

  return {
    name,
    exitCode,
    stderr,
    ms,
    pages: doc.source.pages,
    articles: { found: found.length, expected: clean.articles.length, readme: readme.articles, missing, extra },
    headings: {
      matched: headingsCompared - headingMismatches.length,
      compared: headingsCompared,
      share: ratio(headingsCompared - headingMismatches.length, headingsCompared),
      mismatches: headingMismatches,
    },
    words: {
      matched,
      reference: referenceWordCount,
      extracted: extractedWordCount,
      recall,
      precision,
      f1: f1(recall, precision),
      ...(struck === undefined
        ? {}
        : { struckMissing, unstruckRecall: ratio(matched, referenceWordCount - struckMissing), unstruckF1: f1(ratio(matched, referenceWordCount - struckMissing), precision) }),
      worst: [...perArticle].sort((a, b) => a.f1 - b.f1).slice(0, 5),
    },
    furniture: { patterns: patterns ?? null, articles: withFurniture.length, inArticles: withFurniture },
    recitals: {
      found: [...allNodes(doc.nodes)].filter((node) => node.kind === 'recital').length,
      expected: clean.recitals,
      readme: readme.recitals,
    },
    footnotes: { ...footnoteCounts(doc), expected: pages ? countPdfFootnotes(pages) : null, readme: readme.footnotes },
    runTogether: runTogether(documentText(doc), clean.vocabulary, knownWords(pages ?? [])),
  };
}

/**
 * Extracts and scores every real draft that has a clean reference.
 * @example const { documents } = await scoreRealDrafts(); // one score per PDF, in file-name order
 */
export async function scoreRealDrafts({ dir = realDraftsDir(), log = () => undefined } = {}) {
  const documents = [];
  for (const draft of scoredDrafts(dir)) {
    log(`reading ${basename(draft.pdf)}`);
    const run = await runExtract(draft.pdf);
    const base = { name: draft.name, exitCode: run.exitCode, stderr: run.stderr, ms: run.ms };
    if (!run.doc) {
      documents.push({ ...base, error: run.stderr.split('\n')[0] || `exit ${run.exitCode}, no JSON on stdout` });
      continue;
    }
    const clean = parseCleanText(readFileSync(draft.clean, 'utf8'));
    // A draft the reader finds marked (struck deletions) is checked against what its drawing strikes.
    const marked = [...allNodes(run.doc.nodes)].some((node) => (node.marks?.struck ?? 0) > 0);
    const struck = marked ? struckIndex((await findStruckText(draft.pdf)).pages) : undefined;
    documents.push(scoreDocument({ ...base, doc: run.doc, clean, pages: pdfPages(draft.pdf), struck }));
  }
  return { dir, footnoteMethod: FOOTNOTE_METHOD, documents };
}

// ---------------------------------------------------------------------------
// The table

const percent = (value) => `${(value * 100).toFixed(1)}%`;
/** `found/expected`, with the README's figure when it differs: `108/108 (README 109)`. */
const against = (found, expected, readme) =>
  `${found}/${expected ?? '?'}${readme !== undefined && readme !== expected ? ` (README ${readme})` : ''}`;
const list = (items) => (items.length === 0 ? 'none' : items.join(', '));
/** A heading cut to 120 characters for the details. */
const short = (text) => (text.length > 120 ? `${text.slice(0, 117)}...` : text);

/**
 * The scores as a fixed-width table, one row per document, followed by each document's details.
 * @example console.log(formatTable(await scoreRealDrafts()));
 */
export function formatTable({ documents, footnoteMethod }) {
  const header = ['draft', 'pages', 'seconds', 'articles', 'headings', 'recall', 'precision', 'F1', 'furniture', 'recitals', 'footnotes', 'run-together'];
  const rows = documents.map((score) =>
    score.error
      ? [score.name, '-', (score.ms / 1000).toFixed(1), `error: ${score.error}`]
      : [
          score.name,
          String(score.pages),
          (score.ms / 1000).toFixed(1),
          against(score.articles.found, score.articles.expected, score.articles.readme),
          `${score.headings.matched}/${score.headings.compared} ${percent(score.headings.share)}`,
          score.words.unstruckRecall === undefined
            ? percent(score.words.recall)
            : `${percent(score.words.recall)} (unstruck ${percent(score.words.unstruckRecall)})`,
          percent(score.words.precision),
          percent(score.words.f1),
          score.furniture.patterns ? String(score.furniture.articles) : 'n/a',
          against(score.recitals.found, score.recitals.expected, score.recitals.readme),
          `${against(score.footnotes.found, score.footnotes.expected ?? undefined, score.footnotes.readme)}, ${score.footnotes.attached} cited`,
          String(score.runTogether.count),
        ],
  );
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const out = [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), ''];
  for (const score of documents) {
    if (score.error) continue;
    out.push(`${score.name}:`);
    out.push(`  articles missing: ${list(score.articles.missing)}; extra: ${list(score.articles.extra)}`);
    out.push(
      `  headings differing: ${list(score.headings.mismatches.slice(0, 5).map((m) => `${m.num} "${short(m.found)}" (clean: "${short(m.expected)}")`))}` +
        (score.headings.mismatches.length > 5 ? ` and ${score.headings.mismatches.length - 5} more` : ''),
    );
    out.push(
      `  words: ${score.words.matched} matched of ${score.words.reference} reference, ${score.words.extracted} extracted` +
        (score.words.struckMissing === undefined
          ? ''
          : `; ${score.words.struckMissing} reference words the reader has not are struck through in the PDF`),
    );
    out.push(`  worst articles by F1: ${list(score.words.worst.map((a) => `${a.num} ${percent(a.f1)} (recall ${percent(a.recall)}, precision ${percent(a.precision)})`))}`);
    out.push(
      score.furniture.patterns
        ? `  furniture lines: ${list(score.furniture.patterns.map((p) => `"${p}"`))}; in articles: ${list(score.furniture.inArticles)}`
        : '  furniture: pdftotext not found (apt-get install poppler-utils)',
    );
    out.push(`  run-together examples: ${list(score.runTogether.examples)}`);
  }
  out.push(
    '',
    `headings: articles whose clean heading matches (only articles with a heading in the clean text); ${footnoteMethod}`,
    'unstruck recall (drafts that mark their changes): recall over the reference words less those the reader does not have and the PDF strikes through, found from its drawing (scripts/struck-text.mjs), not by the reader',
  );
  return out.join('\n');
}
