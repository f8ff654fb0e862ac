// The positioned-text shapes extraction works on between pdf.js and ExtractedText (internal to src/extract).

/** One run of text as pdf.js places it, in PDF user space (y grows upwards). */
export interface PlacedItem {
  text: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline of the run. */
  y: number;
  /** Advance width of the run. */
  width: number;
  /** Font size: the length of the text matrix's vertical vector. */
  size: number;
  /** True when the run's font is a bold face (from the font name); false when unknown. */
  bold: boolean;
  /** True when a strike-through rule runs through the run (read from the page's drawing; issue 12). */
  struck?: boolean;
  /** True when a rule runs under the run. */
  underlined?: boolean;
  /** True when the draft's marks make the run an insertion (bold or underlined where that is the convention). */
  inserted?: boolean;
  /** Words of marked text this run stands for in the current text: its own inserted words, and the struck
   * words left out of its line (or of wholly struck lines just above it). Set on one run per line. */
  marked?: { struck: number; inserted: number };
}

/** One page's text runs and its box. */
export interface PlacedPage {
  /** 1-based page number. */
  page: number;
  /** Page box [x0, y0, x1, y1] in user space. */
  box: [number, number, number, number];
  items: PlacedItem[];
  /** Images the page paints; counted only on pages with (almost) no text, where it tells a scan from a blank or damaged page. */
  images?: number;
}

/** A line built from runs sharing a baseline, before it is sorted into body, footnote or furniture. */
export interface PlacedLine {
  page: number;
  /** Raw text (not yet cleaned), raised footnote markers removed; a plain-text leading marker is kept. */
  text: string;
  /** Left and right edge of the inked text. */
  x0: number;
  x1: number;
  /** Baseline of the line's largest runs. */
  y: number;
  /** Dominant font size (most characters). */
  size: number;
  /** True when every non-space character is in a bold face. */
  bold: boolean;
  /** Words of marked text on the line (see PlacedItem.marked); absent on drafts read without marks. */
  marked?: { struck: number; inserted: number };
  /** Raised small markers found inside the line (footnote references), in order. */
  refs: string[];
  /** A marker that opens the line (a footnote body's own marker), when the line starts with one. */
  lead?: string;
  /** True when `lead` was a raised small run (so it is not part of `text`); false when it is plain text. */
  leadRaised?: boolean;
  /** Marker-like runs read as text that may be footnote markers (see `promoteMarkers`); absent on most lines. */
  looseMarkers?: LooseMarker[];
  /** The runs the line was built from. */
  runs?: PlacedItem[];
  /** The text after `lead` (equals `text` when there is no plain-text lead). */
  afterLead: string;
}

/**
 * A number (or asterisk) read as text that may be a footnote marker: set smaller than its line's
 * largest runs, or standing raised where a run below ends (`base`), as superscripts in table cells do,
 * whose rows have no one baseline to be raised from.
 */
export interface LooseMarker {
  marker: string;
  run: PlacedItem;
  /** The run it is raised from, when that run ends where it starts. */
  base?: PlacedItem;
}
