// The report's only style sheet, inlined: no fonts, scripts or images are fetched, and it prints.

/** Inline CSS of the HTML report (system fonts only; colours also distinguishable in print by strike/underline). */
export const HTML_STYLE = `
:root { --del: #b31d28; --del-bg: #ffeef0; --ins: #22863a; --ins-bg: #e6ffed; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; } h2 { font-size: 1.3rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .25rem; } h4 { font-size: .95rem; margin: .75rem 0 .25rem; color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid var(--line); padding: .2rem .6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.summary { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-start; } .summary > h2, .summary > h3, .summary > h4 { flex-basis: 100%; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.pages, .muted { color: var(--muted); font-size: .9rem; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; }
del + ins, ins + del { margin-left: .2em; }
.article { border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem 1rem; margin: 1rem 0; break-inside: avoid; }
.article-body > summary { cursor: pointer; } .article-body > summary > h3 { display: inline; }
.findings { list-style: none; padding: 0; } .findings li { margin: .35rem 0; }
.badge { display: inline-block; border-radius: 1rem; padding: 0 .55rem; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; margin-right: .4rem; }
.badge.high { color: #b31d28; } .badge.medium { color: #9a6700; } .badge.low { color: #0969da; } .badge.info { color: var(--muted); }
.evidence q { quotes: "\\201C" "\\201D"; } .evidence { overflow-wrap: anywhere; }
.redline { overflow-wrap: anywhere; white-space: pre-wrap; }
details { margin: .25rem 0 .5rem; } summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; } .side-by-side > div { overflow-wrap: anywhere; white-space: pre-wrap; }
.side-by-side h5 { margin: .25rem 0; font-size: .85rem; color: var(--muted); }
nav ul { margin: .25rem 0 .75rem; } nav h3 { font-size: 1rem; }
.footnotes { border-top: 1px solid var(--line); margin-top: .75rem; font-size: .9rem; } .footnotes ul { list-style: none; padding: 0; margin: .25rem 0; }
.footnotes li { margin: .25rem 0; overflow-wrap: anywhere; } .footnotes .marker { display: inline-block; min-width: 1.5rem; font-weight: 600; vertical-align: super; font-size: .75em; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav a, a { color: inherit; text-decoration: none; }
  .side-by-side-view > summary { display: none; }
  /* Printed, every article shows its body, folded on screen or not (Chromium 131+, Firefox 139+). */
  details.article-body::details-content { content-visibility: visible; display: block; }
  del, ins { background: none; }
  h2 { break-after: avoid; } .article { break-inside: avoid; }
}
`;
