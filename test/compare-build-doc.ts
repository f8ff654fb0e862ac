// Builds small TreatyDocuments by hand for the comparison tests (no parser or PDF needed).

import type { DiffOp, TreatyDocument, TreatyNode } from '../src/types.js';

/** An article: number, optional heading, and either intro text or numbered paragraphs. */
export interface ArticleSpec {
  num: string;
  heading?: string;
  text?: string;
  paragraphs?: Array<string | { text: string; points: string[] }>;
  page?: number;
  /** Footnotes cited in the article: marker -> text. */
  footnotes?: Record<string, string>;
}

const node = (kind: TreatyNode['kind'], id: string, extra: Partial<TreatyNode>): TreatyNode => {
  const text = extra.text ?? '';
  return {
    kind,
    id,
    text,
    children: [],
    pages: [1, 1],
    footnotes: [],
    brackets: (text.match(/\[[^\]]*\]/g) ?? []).length,
    lines: [],
    ...extra,
  };
};

/** `'6 bis'` -> `art_6bis`, as the parser names articles. */
export const articleId = (num: string): string => `art_${num.replace(/[\s[\]]/g, '')}`;

/** One article node from its spec. */
export function buildArticle(spec: ArticleSpec): TreatyNode {
  const id = articleId(spec.num);
  const pages: [number, number] = [spec.page ?? 1, spec.page ?? 1];
  const children = (spec.paragraphs ?? []).map((p, k) => {
    const paraId = `${id}__para_${k + 1}`;
    if (typeof p === 'string') return node('paragraph', paraId, { num: `${k + 1}.`, text: p, pages });
    const points = p.points.map((t, m) =>
      node('subparagraph', `${paraId}__subpara_${String.fromCharCode(97 + m)}`, { num: `(${String.fromCharCode(97 + m)})`, text: t, pages }),
    );
    return node('paragraph', paraId, { num: `${k + 1}.`, text: p.text, children: points, pages });
  });
  return node('article', id, {
    num: spec.num,
    ...(spec.heading !== undefined ? { heading: spec.heading } : {}),
    text: spec.text ?? '',
    children,
    pages,
    footnotes: Object.entries(spec.footnotes ?? {}).map(([marker, text]) => ({ marker, text, page: spec.page ?? 1 })),
  });
}

/** A document of bare articles, or of chapters (`{ chapter: 'I', heading, articles }`). */
export function buildDoc(
  items: Array<ArticleSpec | { chapter: string; heading?: string; articles: ArticleSpec[] }>,
  path = 'draft.txt',
): TreatyDocument {
  const nodes = items.map((item) => {
    if ('chapter' in item) {
      return node('chapter', `chp_${item.chapter}`, {
        num: item.chapter,
        ...(item.heading !== undefined ? { heading: item.heading } : {}),
        children: item.articles.map(buildArticle),
      });
    }
    return buildArticle(item);
  });
  return {
    source: { path, sha256: '0'.repeat(64), format: 'text', pages: 1 },
    metadata: {},
    nodes,
    unplaced: [],
    footnotes: [],
    lineCount: 0,
    furniture: [],
    warnings: [],
  };
}

/** Diff ops as markup: `States Parties <del>shall</del><ins>may</ins> take`. */
export function markup(ops: DiffOp[]): string {
  return ops.map((o) => (o.op === 'equal' ? o.text : o.op === 'delete' ? `<del>${o.text}</del>` : `<ins>${o.text}</ins>`)).join('');
}
