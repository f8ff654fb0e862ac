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
  /** Raised small markers found inside the line (footnote references), in order. */
  refs: string[];
  /** A marker that opens the line (a footnote body's own marker), when the line starts with one. */
  lead?: string;
  /** True when `lead` was a raised small run (so it is not part of `text`); false when it is plain text. */
  leadRaised?: boolean;
  /** The text after `lead` (equals `text` when there is no plain-text lead). */
  afterLead: string;
}
