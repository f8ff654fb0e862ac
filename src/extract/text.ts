// Plain-text and Markdown drafts (.txt, .md) -> ExtractedText: one body line per non-blank line.

import type { BodyLine, ExtractedText, Footnote, SourceInfo } from '../types.js';
import { cleanText } from './clean.js';

/**
 * Strips Markdown from one line: leading `#` marks, `**bold**` and `*italic*` emphasis, a
 * blockquote `>`. Brackets and list markers are content and stay.
 *
 * @example stripMarkdown('### Article 1') // 'Article 1'
 * @example stripMarkdown('its **sovereignty**, *ordre public*') // 'its sovereignty, ordre public'
 */
export function stripMarkdown(text: string): string {
  return text
    .replace(/^>\s?/, '')
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+#+$/, '')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, '$1')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1$2');
}

// `[^1]: The footnote text` (Markdown footnote definition).
const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]+)\]:\s*(.*)$/;
// `[^1]` in running text (a footnote reference).
const FOOTNOTE_REFERENCE = /\[\^([^\]\s]+)\]/g;

/**
 * Reads a plain-text or Markdown draft. Every non-blank line becomes one BodyLine on page 1;
 * a blank line sets `breakBefore` on the next line; `centred` and `bold` are false (text has
 * no layout). Footnotes are Markdown definitions `[^1]: text`, referenced as `[^1]`.
 *
 * @example
 * extractText('Article 1\n\nScope\n', { path: 'd.txt', sha256: '...', format: 'text' }).lines.map((l) => l.text)
 * // ['Article 1', 'Scope']
 */
export function extractText(text: string, source: Omit<SourceInfo, 'pages'>): ExtractedText {
  const markdown = /\.(md|markdown)$/i.test(source.path);
  const lines: BodyLine[] = [];
  const footnotes: Footnote[] = [];
  let afterBlank = false;
  // A footnote definition may continue on indented lines; they are appended to it.
  let openFootnote: Footnote | undefined;
  for (const raw of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    const rawText = cleanText(raw);
    if (rawText === '') {
      afterBlank = true;
      openFootnote = undefined;
      continue;
    }
    const definition = FOOTNOTE_DEFINITION.exec(rawText);
    if (definition) {
      openFootnote = { marker: definition[1]!, text: stripInline(definition[2]!, markdown), page: 1 };
      footnotes.push(openFootnote);
      afterBlank = false;
      continue;
    }
    if (openFootnote && /^\s/.test(raw)) {
      openFootnote.text = `${openFootnote.text} ${stripInline(rawText, markdown)}`.trim();
      continue;
    }
    openFootnote = undefined;
    const footnoteRefs: string[] = [];
    const withoutRefs = rawText.replace(FOOTNOTE_REFERENCE, (_match, marker: string) => {
      footnoteRefs.push(marker);
      return '';
    });
    const cleaned = cleanText(stripInline(withoutRefs, markdown));
    if (cleaned === '') {
      // A line that was only markup (`---`, `#`) is a break, not text.
      afterBlank = true;
      continue;
    }
    lines.push({
      text: cleaned,
      joinNext: false,
      page: 1,
      centred: false,
      bold: false,
      breakBefore: afterBlank,
      footnoteRefs,
    });
    afterBlank = false;
  }
  return {
    source: { ...source, pages: 1 },
    metadata: {},
    lines,
    footnotes,
    furniture: [],
    warnings: [],
  };
}

function stripInline(text: string, markdown: boolean): string {
  if (!markdown) return text;
  // A thematic break (`---`, `***`) carries no text.
  if (/^([-*_])(\s*\1){2,}$/.test(text)) return '';
  return stripMarkdown(text);
}
