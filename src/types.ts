// Every type that crosses a stage boundary (extract -> parse -> align -> diff -> classify -> render).

// ---------------------------------------------------------------------------
// Shared

/** First and last page (1-based, inclusive) a piece of text spans. Text drafts are one page. */
export type PageRange = [first: number, last: number];

/** Which of the two drafts something belongs to. */
export type Side = 'old' | 'new';

/** Warning codes. Each has its wording in `messages.ts`. */
export type WarningCode =
  /** Body text that could not be placed in any article or other node. */
  | 'unplaced-text'
  /** A footnote whose marker was not found in any body text; kept on the page's last article. */
  | 'orphan-footnote'
  /** A footnote marker in the text with no footnote body found. */
  | 'missing-footnote'
  /** Two articles carry the same number; the second gets a suffixed id. */
  | 'duplicate-article'
  /** Article numbers skip or go backwards (e.g. 4, 5, 7). */
  | 'numbering-gap'
  /** A provision's word diff hit its time bound; a coarser diff was used. */
  | 'diff-fallback'
  /** A page had almost no text (possibly an image); its content may be missing. */
  | 'empty-page'
  /** Alignment had to guess (low similarity pairing). */
  | 'weak-alignment'
  /** The file holds more page objects than its page tree lists: pages may not have been read. */
  | 'unread-pages'
  /** A text draft's encoding was inferred: not valid UTF-8, read as Windows-1252; or UTF-16 without a byte order mark. */
  | 'text-encoding';

/** A diagnostic that does not stop the run. Reported in every output format. */
export interface Warning {
  code: WarningCode;
  /** Which draft it concerns, when it concerns one. */
  draft?: Side;
  /** Page the warning concerns (1-based), when known. */
  page?: number;
  /** Id of the node it concerns, when known. */
  at?: string;
  /** Human wording (built by `messages.ts`). */
  message: string;
}

// ---------------------------------------------------------------------------
// Extraction: bytes -> ExtractedText

/**
 * The bounds and the password for reading one draft. The CLI fills it from its options (and from the
 * TREATY_DIFF_* variables a user sets on purpose); from there it travels as data, to the reading thread
 * included. Every field is optional: the reader's defaults apply.
 */
export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 100 MB). */
  maxBytes?: number;
  /** Refuse PDFs with more pages than this (default 2,000). */
  maxPages?: number;
  /** Whole-reading time bound in milliseconds (default 60,000); the reading thread is stopped 5 s later. */
  timeoutMs?: number;
  /** Heap bound, in MB, of the thread a draft is read in (default 768). */
  maxMemoryMb?: number;
  /** Password of an encrypted PDF (the user password, or the owner password). */
  password?: string;
  /** `read` (default): a draft that marks its own changes (struck, bold or underlined) is read as marked;
   * `ignore`: every word is read as plain text. */
  marks?: 'read' | 'ignore';
  /** True: a marked draft's text before its marks is read too (`treaty-diff marked` needs it; a comparison
   * of two drafts and `extract` do not, and are spared the second reading). */
  previousText?: boolean;
}

/** Where a draft came from. */
export interface SourceInfo {
  /** The path as given on the command line (never made absolute). */
  path: string;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  /** `pdf`, or `text` for .txt / .md drafts. */
  format: 'pdf' | 'text';
  /** Number of pages; 1 for text drafts. */
  pages: number;
}

/**
 * Document metadata read from the first-page masthead of UN documents, or the cover note of EU ones.
 * Every field is optional: most non-UN drafts carry none of it.
 */
export interface DocumentMetadata {
  /** Document symbol, e.g. `A/AC.291/22/Rev.1`. Taken from the masthead or the running header. */
  symbol?: string;
  /** Date as printed, e.g. `29 May 2023` or `21.4.2021` (a cover note's place left out). */
  date?: string;
  /** Issuing institution from an EU-style cover note, as printed, e.g. `Council of the European Union`
   * or `EUROPEAN COMMISSION`. */
  institution?: string;
  /** Document number from an EU-style cover note, as printed: the number the running footer repeats
   * (`15698/22`) or one in a known form (`COM(2021) 206 final`). */
  documentNumber?: string;
  /** Interinstitutional procedure file from an EU-style cover note, as printed, e.g. `2021/0106 (COD)`. */
  interinstitutionalFile?: string;
  /** Distribution, e.g. `General` or `Limited` (from "Distr.: General"). */
  distribution?: string;
  /** Original language, e.g. `English` (from "Original: English"). */
  original?: string;
  /** The issuing body as printed, e.g. `Ad Hoc Committee to Elaborate ...`. */
  body?: string;
  /** Session line as printed, e.g. `Sixth session`. */
  session?: string;
  /** Agenda item line as printed. */
  agendaItem?: string;
  /** Job number from the first-page footer, e.g. `V.23-03951`. */
  jobNumber?: string;
  /** Document title: the first heading of the body that is not a structural heading. */
  title?: string;
}

/**
 * One line of body text after page furniture, footnotes and markers are removed.
 * Lines are in reading order; their index in `ExtractedText.lines` is their identity
 * for the coverage invariant.
 */
export interface BodyLine {
  /** Cleaned text: NFKC, no control characters or soft hyphens, plain spaces, straight quotes,
   * trimmed, never empty. A line-end hyphen that only split a word is removed here (and
   * `joinNext` set); a real compound's hyphen (`capacity-`) is kept (and `joinNext` set). */
  text: string;
  /** True when the line ends inside a word, so the parser joins the next line without a space. */
  joinNext: boolean;
  /** Page the line is on (1-based). */
  page: number;
  /** True when the line is centred in the text column (heading hint). Always false for text drafts. */
  centred: boolean;
  /** True when the line is set in bold throughout. Unknown (false) when the PDF does not tell. */
  bold: boolean;
  /** True when a paragraph break precedes the line: a larger vertical gap than the line spacing,
   * a first-line indent, or a blank line in a text draft. The first line of a page is not
   * a break by itself. */
  breakBefore: boolean;
  /** Footnote markers that stood in this line (removed from `text`), in order, e.g. `["3"]`. */
  footnoteRefs: string[];
  /** Words the draft's own marks touch on this line (issue 12), only in the current text of a marked draft
   * and only when not zero: `inserted` words in it, `struck` words left out of it (and of wholly struck
   * lines just below it, which have no line of their own in the current text). */
  marks?: MarkCounts;
}

/** Words of a draft's own change marks: struck through (deleted) and bold or underlined (inserted). */
export interface MarkCounts {
  struck: number;
  inserted: number;
}

/** A footnote body, kept apart from the running text. */
export interface Footnote {
  /** Marker as printed, e.g. `3` or `*`. Unique within a document for numeric markers. */
  marker: string;
  /** Footnote text without its marker. */
  text: string;
  /** Page the footnote is printed on. */
  page: number;
}

/** A line removed as page furniture (kept so `extract` can show what was dropped and why). */
export interface FurnitureLine {
  text: string;
  page: number;
  kind: 'running-header' | 'running-footer' | 'page-number' | 'job-number' | 'barcode' | 'masthead';
}

/** What extraction hands to the parser. Identical shape for PDF and text drafts. */
export interface ExtractedText {
  source: SourceInfo;
  metadata: DocumentMetadata;
  /** Body lines in reading order. */
  lines: BodyLine[];
  footnotes: Footnote[];
  /** Everything dropped as page furniture. */
  furniture: FurnitureLine[];
  warnings: Warning[];
  /**
   * Present when the draft marks its own changes and was read with marks (issue 12): the text above is
   * then its current text (struck text left out), `previous` its text before the marks (insertions left
   * out; only when `ReadOptions.previousText` asked for it), and the counts are the marked words of the
   * whole body.
   */
  marks?: MarkCounts & { previous?: Omit<ExtractedText, 'marks'> };
}

// ---------------------------------------------------------------------------
// Structure: ExtractedText -> TreatyDocument (Akoma Ntoso vocabulary)

/** Node kinds, named after Akoma Ntoso elements. */
export type NodeKind =
  /** The document title block of a draft without a preamble (AKN `preface`): `heading` is the title. */
  | 'preface'
  | 'preamble'
  /** One citation of an EU-style preamble ("Having regard to ...", "Acting in accordance with ..."): unnumbered. */
  | 'citation'
  /** The numbered recitals of an EU-style preamble, grouped under their intro (`text` is "Whereas:"). */
  | 'recitals'
  /** One recital of the preamble ("Considering ...", "Recognising ...", or numbered `(1)`, `(5a)`). */
  | 'recital'
  /** Enacting/closing formula ("Have agreed as follows:"), a child of the preamble. */
  | 'formula'
  | 'part'
  | 'chapter'
  | 'section'
  /** Council of Europe "Title" groupings inside sections (AKN `title`). */
  | 'title'
  | 'article'
  /** Numbered paragraph `1.` (or an unnumbered paragraph of an article with several). */
  | 'paragraph'
  /** Lettered subparagraph `(a)` / `a)` / `a.` */
  | 'subparagraph'
  /** Roman or numbered point `(i)` */
  | 'point'
  /** Final text after the last article: testimonium ("In witness whereof ..."), done at ... */
  | 'conclusions'
  | 'annex';

/**
 * One node of the parsed structure.
 *
 * Text model (AKN): `text` is the node's own text that precedes its children (AKN `intro`,
 * or `content` for a leaf); `wrapUp` is the node's own text after its last child.
 */
export interface TreatyNode {
  kind: NodeKind;
  /**
   * Stable id, AKN style, unique in the document. Article ids are flat (`art_15`, `art_6bis`) so
   * they stay stable when chapters move; provisions nest under their article
   * (`art_15__para_2__subpara_a__point_i`); containers nest (`chp_2__sec_1__title_1`); others:
   * `preamble`, `preamble__recital_3`, `preamble__formula`, `conclusions`, `annex_1`. Numbered recitals take
   * their printed number (`(5a)` -> `preamble__recital_5a`, also when grouped under `preamble__recitals`);
   * citations are counted (`preamble__citation_2`).
   * Compare ids, not `num`s.
   */
  id: string;
  /** Number exactly as printed, brackets included: `15`, `6 bis`, `4a`, `[17]`, `II`, `(a)`, `1.` */
  num?: string;
  /** Heading exactly as printed (articles, containers, annexes). */
  heading?: string;
  /**
   * Set on a provision deleted in place: an article, paragraph, subparagraph or point whose whole
   * text is the placeholder `[deleted]` (EU Council texts: `Article 24` over `[deleted]`, or
   * `Article 24 [deleted]` on one line; `(c) [deleted]`). Its `text` stays `[deleted]`; the
   * placeholder is not counted in `brackets`. Absent otherwise (never `false`).
   */
  deleted?: true;
  /** Own text before any child. Lines joined with single spaces, hyphenation undone. May be ''. */
  text: string;
  /** Own text after the last child, if any. */
  wrapUp?: string;
  children: TreatyNode[];
  /** Pages the node and its children span. */
  pages: PageRange;
  /** Footnotes whose markers stand in this node's own text (articles collect their provisions'). */
  footnotes: Footnote[];
  /** Count of square-bracketed segments (`[...]`) in the node's own text; on articles, in the whole article.
   * `[deleted]` placeholders are not counted. */
  brackets: number;
  /** Indices into `ExtractedText.lines` of the lines this node's own num, heading, text and wrapUp
   * came from. Every body line belongs to exactly one node or to `unplaced` (coverage invariant). */
  lines: number[];
  /** Words of the draft's own marks in this node's own lines (issue 12): `inserted` words in its text,
   * `struck` words left out of it. Only in a draft read with marks, and only when not zero. */
  marks?: MarkCounts;
}

/** Body text the parser could not place in any node (kept, reported, never dropped). */
export interface UnplacedText {
  text: string;
  page: number;
  /** Indices into `ExtractedText.lines`. */
  lines: number[];
  reason: string;
  /** Footnotes whose markers stand in this text (an explanatory memorandum before the preamble cites
   * its own), so that they are neither lost nor reported as cited nowhere; absent when there are none. */
  footnotes?: Footnote[];
}

/** A parsed draft. */
export interface TreatyDocument {
  source: SourceInfo;
  metadata: DocumentMetadata;
  /** Top-level nodes in document order: preamble, parts/chapters (or bare articles), conclusions, annexes. */
  nodes: TreatyNode[];
  /** Body text that precedes the preamble or otherwise fits nowhere. */
  unplaced: UnplacedText[];
  /** Footnotes not attached to any node. */
  footnotes: Footnote[];
  /** Number of body lines extracted (`ExtractedText.lines.length`), for the coverage invariant. */
  lineCount: number;
  furniture: FurnitureLine[];
  warnings: Warning[];
  /**
   * Present when the draft marks its own changes and was read with marks (issue 12): this document is
   * its current text; `previous` is its text before the marks (insertions left out, struck text kept),
   * parsed the same way, so that the changes it proposes can be reported on their own (read only when
   * `ReadOptions.previousText` asked for it).
   */
  marks?: MarkCounts & { previous?: TreatyDocument };
}

// ---------------------------------------------------------------------------
// Alignment: two TreatyDocuments -> Alignment[]

/**
 * What became of an article. `removed` usually has only `old`; an article the new draft keeps in place
 * as a `[deleted]` placeholder is `removed` with both sides (the new one `deleted`), and a placeholder
 * of the old draft that the new one fills again is `added` with both sides.
 */
export type AlignmentKind = 'unchanged' | 'modified' | 'renumbered' | 'moved' | 'added' | 'removed';

/** How a pair of articles was matched. `none` for added/removed. */
export type MatchedBy = 'number' | 'heading' | 'text' | 'none';

/** An article together with where it sits in the document. */
export interface ArticleInContext {
  article: TreatyNode;
  /** Enclosing containers, outermost first (part, chapter, section, title). */
  ancestors: TreatyNode[];
}

/** One pairing of an old and a new article (either side absent for added/removed). */
export interface Alignment {
  kind: AlignmentKind;
  old?: ArticleInContext;
  new?: ArticleInContext;
  matchedBy: MatchedBy;
  /** Text similarity of the pair, 0..1, rounded to 3 decimals; 0 for added/removed. */
  similarity: number;
}

// ---------------------------------------------------------------------------
// Diff and classification

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type ProvisionKind = 'unchanged' | 'modified' | 'added' | 'removed';

/** The diff of one provision (article intro, paragraph, subparagraph, point, wrap-up, heading). */
export interface ProvisionDiff {
  /** Id in the new draft, or in the old draft for removed provisions. */
  id: string;
  oldId?: string;
  newId?: string;
  kind: ProvisionKind;
  /** Word-level ops; concatenating equal+delete gives the old text, equal+insert the new. */
  ops: DiffOp[];
  /** True when the only differences are cross-references mapped through the renumbering. */
  referenceOnly?: boolean;
  /** Set when the word diff hit its bound and a coarser diff was used instead. */
  fallback?: 'sentence' | 'whole';
}

/** Topic groups. */
export type TopicGroup = 'safeguard' | 'power';

export type FindingCode =
  | 'safeguard-added'
  | 'safeguard-removed'
  | 'safeguard-weakened'
  | 'safeguard-strengthened'
  | 'safeguard-modified'
  | 'power-added'
  | 'power-removed'
  | 'power-expanded'
  | 'power-narrowed'
  | 'power-modified'
  | 'article-added'
  | 'article-removed'
  | 'article-renumbered'
  | 'article-moved'
  | 'article-modified'
  | 'modal-shift'
  | 'qualifier-added'
  | 'qualifier-removed'
  | 'brackets-added'
  | 'brackets-resolved'
  /** Wording deleted at one place that stands elsewhere in the new draft (another paragraph or article). */
  | 'text-moved';

export type Severity = 'high' | 'medium' | 'low' | 'info';

/** A classified change, with the words it was read from. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Lexicon topic id that triggered it (e.g. `judicial-review`, `interception`), if any. */
  topic?: string;
  /** Article numbers as printed on each side. */
  article: { old?: string; new?: string; id: string };
  /** Provision id the evidence is in. */
  at: string;
  /** Pages of the provision on each side. */
  pages: { old?: PageRange; new?: PageRange };
  /** The wording that changed, cut to the changed phrase and its clause; either side absent when only
   * added or only removed. */
  evidence: { old?: string; new?: string };
  /** Set on `text-moved` only: the provision the wording left (old draft id) and the provision it now
   * stands in (new draft id), e.g. `{ from: 'art_64__para_2', to: 'art_63__para_9' }`; `to` may be in
   * another article. */
  moved?: { from: string; to: string };
  /** Human wording, from `messages.ts`. */
  message: string;
}

/**
 * What became of one footnote of an article. `renumbered`: the same text under another marker (an
 * earlier footnote was inserted or removed), not a change of wording; `reworded`: the same marker, other
 * words.
 */
export type FootnoteChangeKind = 'unchanged' | 'renumbered' | 'reworded' | 'added' | 'removed';

/** One footnote of an article as the two drafts print it; either side absent when only one draft has it. */
export interface FootnoteDiff {
  kind: FootnoteChangeKind;
  old?: Footnote;
  new?: Footnote;
  /** The word diff of a reworded footnote (equal + delete ops give the old text, equal + insert the new). */
  ops?: DiffOp[];
}

/** The complete comparison of one article pair. */
export interface ArticleDiff {
  kind: AlignmentKind;
  old?: ArticleSummary;
  new?: ArticleSummary;
  matchedBy: MatchedBy;
  similarity: number;
  /** Topic groups the article touches (on either side), e.g. `["safeguard"]`. */
  topics: TopicGroup[];
  /** Cross-reference rewrites applied before diffing, e.g. `article 5` -> `article 6`. */
  referenceUpdates: { old: string; new: string }[];
  provisions: ProvisionDiff[];
  /** Every footnote of the article on either side, paired, in new-draft order with removed ones last.
   * A reworded, added or removed footnote makes an otherwise unchanged article `modified`. */
  footnotes: FootnoteDiff[];
  findings: Finding[];
}

/** An article as it appears in reports (also the preface, preamble and final text, compared like articles). */
export interface ArticleSummary {
  /** Set for the parts that are not articles: `preface` (title), `preamble`, `conclusions` (final text),
   * whose `num` is '', and each `annex`, whose `num` is its number as printed (`III`, `VIIIa`, or ''). */
  element?: 'preface' | 'preamble' | 'conclusions' | 'annex';
  num: string;
  heading?: string;
  /** Set when the article is a `[deleted]` placeholder in this draft: a `removed` article whose new side
   * is set is one the new draft keeps in place as `Article 24` / `[deleted]`. */
  deleted?: true;
  id: string;
  pages: PageRange;
  /** Enclosing containers as printed, outermost first, e.g. `["Chapter II", "Section 2"]`. */
  path: string[];
  /** Footnotes cited in the article, in the order of their markers; absent when there are none. */
  footnotes?: Footnote[];
}

/** One draft as described in reports. */
export interface DraftSummary {
  path: string;
  sha256: string;
  pages: number;
  symbol?: string;
  date?: string;
  articles: number;
  /** Present when the draft marks its own changes and was read with marks (issue 12): its marked words,
   * and which of its texts this side is: `current` (struck text left out; what a comparison of two drafts
   * compares) or `previous` (insertions left out: the old side of `treaty-diff marked`). */
  marks?: MarkCounts & { text: 'current' | 'previous' };
}

/** Everything a renderer needs. */
export interface TreatyDiff {
  old: DraftSummary;
  new: DraftSummary;
  summary: {
    articles: Partial<Record<AlignmentKind, number>>;
    findings: Partial<Record<FindingCode, number>>;
  };
  articles: ArticleDiff[];
  /** Every finding again, flat, in article order. */
  findings: Finding[];
  warnings: Warning[];
}

// ---------------------------------------------------------------------------
// Many drafts: consecutive comparisons and the history of each article

/**
 * The comparison of several drafts, taken in the order given (the first is the earliest):
 * draft 1 with 2, 2 with 3, and so on, plus one history per article across all of them.
 */
export interface TreatyHistory {
  /** Every draft, in the order given. Draft numbers in this history are 1-based positions here. */
  drafts: DraftSummary[];
  /** `comparisons[i]` compares `drafts[i]` (old) with `drafts[i + 1]` (new). */
  comparisons: TreatyDiff[];
  /** One entry per article lineage, in order of first appearance (earliest draft, then document order). */
  articles: ArticleHistory[];
}

/** One article followed through every draft by its alignments, however it was renumbered. */
export interface ArticleHistory {
  /** Number as printed in each draft, by position in `TreatyHistory.drafts`; `null` where it is absent. */
  nums: (string | null)[];
  /** Article id in each draft (as `nums`); compare ids, not numbers. */
  ids: (string | null)[];
  /** Heading in the latest draft that has the article. */
  heading?: string;
  /** Draft number (1-based) of the first draft that has the article. */
  firstDraft: number;
  /** Draft number (1-based) of the last draft that has the article. */
  lastDraft: number;
  /** Every change, in draft order; an article that never changes has none. */
  events: ArticleEvent[];
}

/** What happened to an article between two consecutive drafts (never `unchanged` without findings). */
export interface ArticleEvent {
  /** The alignment kind of the consecutive comparison: `added` means it appeared in draft `to`. */
  kind: AlignmentKind;
  /** Draft number (1-based) of the earlier draft of the comparison. */
  from: number;
  /** Draft number (1-based) of the later draft: where the change is first seen. */
  to: number;
  /** Number as printed in draft `from` (absent when added). */
  oldNum?: string;
  /** Number as printed in draft `to` (absent when removed). */
  newNum?: string;
  /** Finding codes of that comparison for this article, in report order; the findings themselves
   * (evidence, pages) are in `comparisons[from - 1]`. */
  findings: FindingCode[];
}
