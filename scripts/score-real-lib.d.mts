// Types of scripts/score-real-lib.mjs, so that tsc checks the tests that import it.

/** One `*.pdf` with its `*.clean.md` reference. */
export interface ScoredDraft {
  /** File stem, e.g. `com-2021-206-proposal`. */
  name: string;
  pdf: string;
  clean: string;
}

/** An article of the clean reference text. */
export interface CleanArticle {
  num: string;
  /** '' when the clean text has none. */
  heading: string;
  /** Body below the heading, markdown removed, lines joined with spaces. */
  text: string;
}

export interface CleanText {
  articles: CleanArticle[];
  /** Recitals `(n)` / `(na)` before "HAVE ADOPTED", counted as their longest run in increasing order. */
  recitals: number;
  /** Every normalised word of the clean text. */
  vocabulary: Set<string>;
}

/** Word alignment of one article present in both texts, each figure 0..1. */
export interface ArticleWords {
  num: string;
  recall: number;
  precision: number;
  f1: number;
}

/** The score of one draft. */
export interface DocumentScore {
  name: string;
  exitCode: number;
  /** The CLI's stderr, trimmed. */
  stderr: string;
  /** Wall time of the extract, milliseconds. */
  ms: number;
  pages: number;
  articles: {
    found: number;
    /** Counted from the clean text. */
    expected: number;
    /** The README's figure, when it gives one. */
    readme?: number;
    missing: string[];
    /** Numbers the clean text lacks, and duplicated numbers as `5 x2`. */
    extra: string[];
  };
  /** Articles with a heading in the clean text whose extracted heading matches it (words compared). */
  headings: { matched: number; compared: number; share: number; mismatches: { num: string; found: string; expected: string }[] };
  /** Order-aware word match over all articles; `worst` are the 5 articles with the lowest F1. */
  words: {
    matched: number;
    reference: number;
    extracted: number;
    recall: number;
    precision: number;
    f1: number;
    /** On drafts that mark their changes: reference words the reader does not have and the PDF strikes through. */
    struckMissing?: number;
    /** Recall over the reference words less `struckMissing`. */
    unstruckRecall?: number;
    unstruckF1?: number;
    worst: ArticleWords[];
  };
  /** Running header/footer lines (digits as `#`; null without pdftotext) and the articles whose text holds one. */
  furniture: { patterns: string[] | null; articles: number; inArticles: string[] };
  recitals: { found: number; expected: number; readme?: number };
  /** `expected` is counted from the PDF (FOOTNOTE_METHOD); null without pdftotext. */
  /** `found`: footnotes read; `attached`: those a marker in the text cites (attached to its node). */
  footnotes: { found: number; attached: number; expected: number | null; readme?: number };
  runTogether: { count: number; examples: string[] };
}

/** A draft the CLI did not print JSON for. */
export interface DocumentFailure {
  name: string;
  exitCode: number;
  stderr: string;
  ms: number;
  /** First line of stderr, or what went wrong. */
  error: string;
}

export interface RealDraftsScore {
  dir: string;
  footnoteMethod: string;
  documents: (DocumentScore | DocumentFailure)[];
}

export const README_FIGURES: Record<string, { articles?: number; recitals?: number; footnotes?: number }>;
export const FOOTNOTE_METHOD: string;

export function realDraftsDir(root?: string): string;
export function scoredDrafts(dir: string): ScoredDraft[];
export function words(text: string): string[];
export function numKey(num: string): string;
export function matchedWords(reference: string[], extracted: string[]): number;
export function parseCleanText(markdown: string): CleanText;
export function pdfPages(pdf: string): string[] | undefined;
export function furnitureKey(line: string): string;
export function furniturePatterns(pages: string[]): string[];
export function countPdfFootnotes(pages: string[]): number;
export function runExtract(pdf: string): Promise<{ exitCode: number; ms: number; stderr: string; doc: unknown }>;
export function splitsIntoWords(token: string, vocabulary: Set<string>): boolean;
export function runTogether(text: string, vocabulary: Set<string>, known?: Set<string>): { count: number; examples: string[] };
export function knownWords(pages: string[]): Set<string>;
export function scoreDocument(input: {
  name: string;
  doc: unknown;
  exitCode: number;
  ms: number;
  stderr?: string;
  clean: CleanText;
  pages: string[] | undefined;
}): DocumentScore;
export function scoreRealDrafts(options?: { dir?: string; log?: (line: string) => void }): Promise<RealDraftsScore>;
export function formatTable(score: RealDraftsScore): string;

/** Looks up runs of words in what a PDF strikes through, page by page (see scripts/struck-text.mjs). */
export function struckIndex(pages: Map<number, string[]>): { count(run: string[], pages: [number, number]): number };
