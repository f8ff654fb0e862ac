import { it } from 'vitest';
import { extractPdf } from '../src/extract/pdf.js';
import { readDraft } from '../src/extract/read-draft.js';
it('dbg', async () => {
  const r = await readDraft('fixtures/un-draft.pdf');
  console.log(JSON.stringify({ m: r.metadata, f: r.footnotes.slice(0, 5), fu: r.furniture.slice(0, 40), w: r.warnings }, null, 0));
  for (const l of r.lines.slice(0, 60)) console.log(`${l.page} ${l.centred?'C':'-'}${l.bold?'B':'-'}${l.breakBefore?'P':'-'}${l.joinNext?'J':'-'} [${l.footnoteRefs}] ${l.text}`);
});
