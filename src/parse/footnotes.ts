// Matches footnote markers in body lines to footnote bodies; reports missing and unused ones.

import type { Footnote, Warning } from '../types.js';
import { warningMessage } from '../messages.js';

/**
 * Resolves footnote markers, in document order, to footnote bodies. Numeric markers are
 * unique in a document; symbol markers (`*`) repeat, so a marker is matched to the unused
 * footnote with that marker printed on the same page, else the nearest following page
 * (a footnote can spill over), else any unused one; a marker cited again reuses its footnote.
 */
export class FootnoteResolver {
  private readonly byMarker = new Map<string, Footnote[]>();
  private readonly used = new Set<Footnote>();
  /** Markers already reported missing: a marker cited twice without text is one problem, told once. */
  private readonly missing = new Set<string>();

  constructor(
    private readonly footnotes: Footnote[],
    private readonly warnings: Warning[],
  ) {
    for (const footnote of footnotes) {
      const list = this.byMarker.get(footnote.marker) ?? [];
      list.push(footnote);
      this.byMarker.set(footnote.marker, list);
    }
  }

  /** The footnote for a marker cited on `page` by node `at`; warns `missing-footnote` (once per marker) when there is none. */
  resolve(marker: string, page: number, at: string): Footnote | undefined {
    const candidates = this.byMarker.get(marker) ?? [];
    const unused = candidates.filter((f) => !this.used.has(f));
    const found =
      unused.find((f) => f.page === page) ??
      unused.filter((f) => f.page > page).sort((a, b) => a.page - b.page)[0] ??
      unused[0] ??
      candidates.find((f) => f.page === page) ??
      candidates[0];
    if (found === undefined) {
      // Numbers are unique in a document; symbols (`*`) restart on each page.
      const key = /^\d+$/.test(marker) ? marker : `${marker}@${page}`;
      if (this.missing.has(key)) return undefined;
      this.missing.add(key);
      this.warnings.push({ code: 'missing-footnote', page, at, message: warningMessage('missing-footnote', { page, at, detail: marker }) });
      return undefined;
    }
    this.used.add(found);
    return found;
  }

  /** Footnotes no marker pointed to, each reported as `orphan-footnote`. */
  takeOrphans(): Footnote[] {
    const orphans = this.footnotes.filter((f) => !this.used.has(f));
    for (const footnote of orphans) {
      this.warnings.push({
        code: 'orphan-footnote',
        page: footnote.page,
        message: warningMessage('orphan-footnote', { page: footnote.page, detail: footnote.marker }),
      });
    }
    return orphans;
  }
}
