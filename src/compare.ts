// The library entry point: align two parsed drafts, diff each article pair, classify the changes.

import type {
  Alignment,
  AlignmentKind,
  ArticleDiff,
  ArticleInContext,
  ArticleSummary,
  DraftSummary,
  Finding,
  FindingCode,
  TreatyDiff,
  TreatyDocument,
  TreatyNode,
  Warning,
} from './types.js';
import { alignArticles, WEAK_SIMILARITY } from './align/align-articles.js';
import { buildRenumbering, rewriteReferences, type Renumbering } from './align/cross-references.js';
import { articleKey, nearestNums } from './parse/ids.js';
import { TreatyDiffError } from './errors.js';
import { classifyChanges, type DraftIndexes } from './classify/classify.js';
import { indexText, type TextPlace } from './classify/moved-text.js';
import { FINDING_CODES } from './classify/findings.js';
import { DEFAULT_LEXICON, type Lexicon } from './classify/lexicon.js';
import { diffArticle } from './diff/diff-article.js';
import { diffFootnotes } from './diff/diff-footnotes.js';
import { isFootnoteChange } from './diff/footnote-change.js';
import { articleBodyText, listProvisions, withProvisionsListedOnce } from './parse/list-provisions.js';
import { roundSimilarity, textSimilarity } from './match/similarity.js';
import { listArticles } from './parse/walk.js';
import { warningMessage } from './messages.js';
// The comparison's diffs share the bound of reading one draft (--timeout), default included.
import { DEFAULT_TIMEOUT_MS } from './extract/limits.js';

/** Options of `compareDrafts`. */
export interface CompareOptions {
  /** Classification rules; the default lexicon when absent. */
  lexicon?: Lexicon;
  /** Only report articles whose old or new number is one of these (`'6 bis'` == `'6bis'`). */
  articles?: string[];
  /** Time bound of each provision's word diff, in milliseconds (default 1000). */
  diffTimeoutMs?: number;
  /** Time bound of all the diffs of the comparison together, in milliseconds (default 60000, as
   * reading): past it, each provision left is replaced whole, with a `diff-fallback` warning. */
  timeoutMs?: number;
}

/** `1.5 s`, `60 s`: a time bound as the CLI takes it. */
const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;


/** Alignment kinds in report order, for the summary counts. */
const KIND_ORDER: AlignmentKind[] = ['unchanged', 'modified', 'renumbered', 'moved', 'added', 'removed'];

const summarizeDraft = (doc: TreatyDocument): DraftSummary => ({
  path: doc.source.path,
  sha256: doc.source.sha256,
  pages: doc.source.pages,
  ...(doc.metadata.symbol !== undefined ? { symbol: doc.metadata.symbol } : {}),
  ...(doc.metadata.date !== undefined ? { date: doc.metadata.date } : {}),
  articles: listArticles(doc).length,
  ...(doc.marks !== undefined ? { marks: { struck: doc.marks.struck, inserted: doc.marks.inserted, text: 'current' as const } } : {}),
});

/** Parts of a draft that are not articles but are compared like them, in report order. */
const OTHER_PARTS = ['preface', 'preamble', 'conclusions'] as const;
type OtherPart = (typeof OTHER_PARTS)[number];
const isOtherPart = (kind: string): kind is OtherPart => (OTHER_PARTS as readonly string[]).includes(kind);

/**
 * The preface, preamble and final text paired by kind: a recital dropped from the preamble is a
 * change like any other. Kind `unchanged`/`modified` when both drafts have the part, else added/removed.
 */
function alignOtherParts(oldDoc: TreatyDocument, newDoc: TreatyDocument, part: OtherPart): Alignment | undefined {
  const oldNode = oldDoc.nodes.find((n) => n.kind === part);
  const newNode = newDoc.nodes.find((n) => n.kind === part);
  if (oldNode === undefined && newNode === undefined) return undefined;
  if (oldNode === undefined) return { kind: 'added', new: { article: newNode!, ancestors: [] }, matchedBy: 'none', similarity: 0 };
  if (newNode === undefined) return { kind: 'removed', old: { article: oldNode, ancestors: [] }, matchedBy: 'none', similarity: 0 };
  const same = articleBodyText(oldNode) === articleBodyText(newNode) && oldNode.heading === newNode.heading;
  return {
    kind: same ? 'unchanged' : 'modified',
    old: { article: oldNode, ancestors: [] },
    new: { article: newNode, ancestors: [] },
    matchedBy: 'heading',
    similarity: same ? 1 : roundSimilarity(textSimilarity(articleBodyText(oldNode), articleBodyText(newNode))),
  };
}

/**
 * The annexes paired like articles: by number (`ANNEX III` with `ANNEX III`), then the rest by heading (an
 * annex renumbered), else added or removed. Kind `unchanged` or `modified` from the text and heading,
 * `renumbered` when only the heading tied them. In new-draft order, removed ones after.
 */
function alignAnnexes(oldDoc: TreatyDocument, newDoc: TreatyDocument): Alignment[] {
  const annexes = (doc: TreatyDocument): TreatyNode[] => doc.nodes.filter((node) => node.kind === 'annex');
  const oldAnnexes = annexes(oldDoc);
  const unpaired = new Set(oldAnnexes);
  const context = (article: TreatyNode): ArticleInContext => ({ article, ancestors: [] });
  const pair = (oldNode: TreatyNode, newNode: TreatyNode, matchedBy: 'number' | 'heading'): Alignment => {
    unpaired.delete(oldNode);
    const same = articleBodyText(oldNode) === articleBodyText(newNode) && oldNode.heading === newNode.heading;
    const kind: AlignmentKind = matchedBy === 'heading' ? 'renumbered' : same ? 'unchanged' : 'modified';
    const similarity = same ? 1 : roundSimilarity(textSimilarity(articleBodyText(oldNode), articleBodyText(newNode)));
    return { kind, old: context(oldNode), new: context(newNode), matchedBy, similarity };
  };
  const alignments = annexes(newDoc).map((newNode): Alignment => {
    const byNumber = oldAnnexes.find((oldNode) => unpaired.has(oldNode) && oldNode.id === newNode.id);
    if (byNumber !== undefined) return pair(byNumber, newNode, 'number');
    const heading = newNode.heading?.toLowerCase();
    const byHeading = heading === undefined ? undefined : oldAnnexes.find((oldNode) => unpaired.has(oldNode) && oldNode.heading?.toLowerCase() === heading);
    if (byHeading !== undefined) return pair(byHeading, newNode, 'heading');
    return { kind: 'added', new: context(newNode), matchedBy: 'none', similarity: 0 };
  });
  return [...alignments, ...oldAnnexes.filter((node) => unpaired.has(node)).map((node): Alignment => ({ kind: 'removed', old: context(node), matchedBy: 'none', similarity: 0 }))];
}

const summarizeArticle = (entry: ArticleInContext): ArticleSummary => ({
  ...(isOtherPart(entry.article.kind) ? { element: entry.article.kind } : entry.article.kind === 'annex' ? { element: 'annex' as const } : {}),
  num: entry.article.num ?? '',
  ...(entry.article.heading !== undefined ? { heading: entry.article.heading } : {}),
  ...(entry.article.deleted === true ? { deleted: true as const } : {}),
  id: entry.article.id,
  pages: entry.article.pages,
  path: entry.ancestors.map((a) => [a.kind === 'title' ? 'Title' : capitalize(a.kind), a.num].filter(Boolean).join(' ')),
  ...(entry.article.footnotes.length > 0
    ? { footnotes: entry.article.footnotes.map((note) => ({ marker: note.marker, text: note.text, page: note.page })) }
    : {}),
});

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Every text of a draft where moved wording may land: articles, the parts compared like them, annexes and
 * unplaced text (a reader that misplaces recitals must not make them look deleted); headings left out. */
function listPlaces(doc: TreatyDocument, renumbering?: Renumbering): TextPlace[] {
  const parts = doc.nodes.filter((n) => isOtherPart(n.kind) || n.kind === 'annex');
  const nodes = [...parts, ...listArticles(doc).map((a) => a.article)];
  // The old draft's wording with its cross-references mapped through the renumbering, as it is diffed:
  // "subject to Articles VIII and IX" in an article renumbered is the same wording, not moved text.
  const text = (raw: string): string => (renumbering === undefined ? raw : rewriteReferences(raw, renumbering).text);
  return [
    ...nodes.flatMap((node) => listProvisions(node).filter((p) => !p.heading).map((p) => ({ id: p.id, text: text(p.text) }))),
    ...doc.unplaced.map((u, k) => ({ id: `unplaced_${k + 1}`, text: u.text })),
  ];
}

/**
 * Compares two parsed drafts: aligns their articles (seeing through renumbering), diffs each
 * pair provision by provision with cross-references mapped through the renumbering, and
 * classifies every change. Pure and deterministic.
 *
 * Articles come in new-draft order with removed articles at their old position; `findings`
 * repeats every article's findings in that order; warnings are both drafts' (with `draft` set)
 * followed by the comparison's own (`weak-alignment`, `diff-fallback`).
 *
 * Example: `compareDrafts(oldDoc, newDoc, { articles: ['6 bis'] })` reports only the article
 * numbered 6 bis (or 6bis) in either draft.
 */
export function compareDrafts(oldDoc: TreatyDocument, newDoc: TreatyDocument, options: CompareOptions = {}): TreatyDiff {
  return withProvisionsListedOnce(() => compareListed(oldDoc, newDoc, options));
}

/** `compareDrafts`, each article's provisions listed once. */
function compareListed(oldDoc: TreatyDocument, newDoc: TreatyDocument, options: CompareOptions): TreatyDiff {
  const lexicon = options.lexicon ?? DEFAULT_LEXICON;
  const timeoutMs = options.diffTimeoutMs ?? 1000;
  // Alignment, pairing and classification grow linearly with the drafts; the diffs are what can
  // take long, so they share one bound, and past it each is a whole replacement.
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (options.articles !== undefined) checkArticlesExist(options.articles, [oldDoc, newDoc]);
  const wanted = options.articles === undefined ? undefined : new Set(options.articles.map(articleKey));
  const articleAlignments = alignArticles(oldDoc, newDoc);
  const renumbering = buildRenumbering(oldDoc, articleAlignments);
  const [preface, preamble, conclusions] = OTHER_PARTS.map((part) => alignOtherParts(oldDoc, newDoc, part));
  const alignments = [preface, preamble, ...articleAlignments, conclusions, ...alignAnnexes(oldDoc, newDoc)].filter((a) => a !== undefined);
  // Both drafts indexed once, so that wording deleted in one article is looked for in all the others.
  const indexes: DraftIndexes = { old: indexText(listPlaces(oldDoc, renumbering)), new: indexText(listPlaces(newDoc)) };
  const ownWarnings: Warning[] = [];
  const articles: ArticleDiff[] = [];
  for (const alignment of alignments) {
    const oldNum = alignment.old?.article.num;
    const newNum = alignment.new?.article.num;
    const part = (alignment.new ?? alignment.old)!.article.kind;
    if (wanted !== undefined && isOtherPart(part) && !wanted.has(part)) continue;
    // Annexes are asked for by id (`annex_3`): their numbers (`III`) would read as article numbers.
    if (wanted !== undefined && part === 'annex' && !wanted.has((alignment.new ?? alignment.old)!.article.id)) continue;
    if (
      wanted !== undefined &&
      !isOtherPart(part) &&
      part !== 'annex' &&
      !(oldNum !== undefined && wanted.has(articleKey(oldNum))) &&
      !(newNum !== undefined && wanted.has(articleKey(newNum)))
    ) {
      continue;
    }
    const change = diffArticle(alignment.old?.article, alignment.new?.article, renumbering, timeoutMs, deadline);
    const { findings, topics } = classifyChanges(alignment, change, lexicon, indexes);
    const footnotes = diffFootnotes(alignment.old?.article.footnotes ?? [], alignment.new?.article.footnotes ?? [], timeoutMs, deadline);
    // An article and its `[deleted]` placeholder share only their number, by design: no guess to warn about.
    const deletedInPlace = alignment.kind === 'removed' || alignment.kind === 'added';
    if (alignment.old !== undefined && alignment.new !== undefined && !deletedInPlace && alignment.similarity < WEAK_SIMILARITY) {
      ownWarnings.push({
        code: 'weak-alignment',
        at: alignment.new.article.id,
        message: warningMessage('weak-alignment', {
          at: `article ${newNum ?? alignment.new.article.id}`,
          detail: `paired with old article ${oldNum ?? alignment.old.article.id} by ${alignment.matchedBy}, similarity ${alignment.similarity}`,
        }),
      });
    }
    for (const p of change.provisions) {
      if (p.diff.fallback === undefined || p.pastDeadline === true) continue;
      ownWarnings.push({
        code: 'diff-fallback',
        at: p.diff.id,
        message: warningMessage('diff-fallback', { at: p.diff.id, detail: p.diff.fallback === 'sentence' ? 'sentence-level' : 'whole-text' }),
      });
    }
    // Provisions reached after the comparison's time bound: one warning for the article, not one each.
    const late = change.provisions.filter((p) => p.pastDeadline === true).length;
    if (late > 0) {
      const at = (alignment.new ?? alignment.old)!.article;
      ownWarnings.push({
        code: 'diff-fallback',
        at: at.id,
        message: warningMessage('diff-fallback', {
          at: at.kind === 'article' ? `article ${at.num ?? at.id}` : at.id,
          count: late,
          bound: formatSeconds(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        }),
      });
    }
    articles.push({
      // A footnote reworded, added or removed is a change of the article as printed.
      kind: alignment.kind === 'unchanged' && footnotes.some(isFootnoteChange) ? 'modified' : alignment.kind,
      ...(alignment.old !== undefined ? { old: summarizeArticle(alignment.old) } : {}),
      ...(alignment.new !== undefined ? { new: summarizeArticle(alignment.new) } : {}),
      matchedBy: alignment.matchedBy,
      similarity: alignment.similarity,
      topics,
      referenceUpdates: change.referenceUpdates,
      provisions: change.provisions.map((p) => p.diff),
      footnotes,
      findings,
    });
  }
  const findings: Finding[] = articles.flatMap((a) => a.findings);
  const draftWarnings = (doc: TreatyDocument, draft: 'old' | 'new'): Warning[] =>
    doc.warnings.map((w): Warning => ({ ...w, draft })).filter((w) => wanted === undefined || isAboutArticles(w, articles));
  return {
    old: summarizeDraft(oldDoc),
    new: summarizeDraft(newDoc),
    summary: summarizeArticles(articles),
    articles,
    findings,
    warnings: [...draftWarnings(oldDoc, 'old'), ...draftWarnings(newDoc, 'new'), ...ownWarnings],
  };
}

/**
 * Refuses an `--article` number that neither draft has (nor a part name: `preface`, `preamble`,
 * `conclusions`), naming the nearest numbers they do have: a report that silently says "no
 * differences" for a mistyped number would be a false all-clear.
 *
 * Example: `checkArticlesExist(['999'], [oldDoc, newDoc])` throws `--article 999: neither draft has an
 * article 999 (nearest: 98, 97, 96)`.
 */
export function checkArticlesExist(wanted: readonly string[], docs: readonly TreatyDocument[]): void {
  const nums = docs.flatMap((doc) => listArticles(doc).map((entry) => entry.article.num ?? '')).filter(Boolean);
  const annexIds = docs.flatMap((doc) => doc.nodes.filter((node) => node.kind === 'annex').map((node) => node.id));
  const known = new Set([...nums.map(articleKey), ...OTHER_PARTS, ...annexIds]);
  for (const num of wanted) {
    if (known.has(articleKey(num))) continue;
    const nearest = nearestNums(num, nums);
    throw new TreatyDiffError('bad-option', `--article ${num}: ${docs.length > 2 ? 'no draft' : 'neither draft'} has an article ${num}${nearest.length > 0 ? ` (nearest: ${nearest.join(', ')})` : ''}`);
  }
}

/**
 * True when a warning concerns one of the articles reported: it names a node inside one of them
 * (`at`), or stands on a page one of them spans on the warning's side; a warning with neither (about
 * the whole draft) is always kept.
 */
export function isAboutArticles(warning: Warning, articles: readonly ArticleDiff[]): boolean {
  if (warning.at === undefined && warning.page === undefined) return true;
  return articles.some((article) => {
    const sides = warning.draft === undefined ? [article.old, article.new] : [article[warning.draft]];
    return sides.some((side) => {
      if (side === undefined) return false;
      if (warning.at !== undefined) return warning.at === side.id || warning.at.startsWith(`${side.id}__`);
      return warning.page! >= side.pages[0] && warning.page! <= side.pages[1];
    });
  });
}

/**
 * The summary of a list of compared articles: counts by alignment kind (articles only: the title
 * block, preamble and final text are listed but not counted) and by finding code, in the fixed orders,
 * keys with 0 left out.
 *
 * Example: one renumbered article with one finding -> `{ articles: { renumbered: 1 }, findings: { 'article-renumbered': 1 } }`.
 */
export function summarizeArticles(articles: readonly ArticleDiff[]): TreatyDiff['summary'] {
  const kindCounts: Partial<Record<AlignmentKind, number>> = {};
  const realArticles = articles.filter((a) => (a.new ?? a.old)?.element === undefined);
  for (const kind of KIND_ORDER) {
    const count = realArticles.filter((a) => a.kind === kind).length;
    if (count > 0) kindCounts[kind] = count;
  }
  const findingCounts: Partial<Record<FindingCode, number>> = {};
  const findings = articles.flatMap((a) => a.findings);
  for (const code of FINDING_CODES) {
    const count = findings.filter((f) => f.code === code).length;
    if (count > 0) findingCounts[code] = count;
  }
  return { articles: kindCounts, findings: findingCounts };
}

/**
 * The changes a draft proposes by its own marks (struck deletions, bold or underlined insertions), as a
 * comparison with the same findings and formats as two drafts: the old side is the draft's text before the
 * marks, the new side its current text. Throws `no-marks` when the draft was not read with marks (and
 * `internal` when it was read without its previous text: ReadOptions.previousText).
 *
 * Example: `compareMarkedDraft(czCompromise)` -> article 5 `modified` with its findings; articles 24, 28,
 * 50, 52a, 57 `removed`; article 4a `added`.
 */
export function compareMarkedDraft(doc: TreatyDocument, options: CompareOptions = {}): TreatyDiff {
  if (doc.marks !== undefined && doc.marks.previous === undefined) {
    throw new TreatyDiffError('internal', `${doc.source.path}: the draft was read without its text before the marks; read it with previousText: true`);
  }
  if (doc.marks?.previous === undefined) {
    throw new TreatyDiffError(
      'no-marks',
      `${doc.source.path}: the draft marks no changes of its own (no struck-through text, no note that additions are in bold); compare it with another draft instead: treaty-diff old.pdf ${doc.source.path}`,
    );
  }
  const { struck, inserted } = doc.marks;
  const previous = doc.marks.previous;
  const { marks: _marks, ...current } = doc;
  const diff = compareDrafts({ ...previous, source: doc.source }, current, options);
  diff.old.marks = { struck, inserted, text: 'previous' };
  diff.new.marks = { struck, inserted, text: 'current' };
  return diff;
}
