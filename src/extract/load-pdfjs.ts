// Imports pdf-parse (and the pdf.js build and worker it pins) once, undoing the global built-ins their polyfills replace.

import { createRequire, Module } from 'node:module';

/**
 * pdf.js's legacy build, the one pdf-parse loads so that it runs on Node 20, bundles core-js, which
 * replaces two built-ins of the whole process with JavaScript versions for spec corners no draft
 * reaches: `Array.prototype.push` (arrays longer than 2^53) and `JSON.parse` (the source-text
 * access proposal). Measured on a 100-page draft, the JavaScript `push` alone cost a tenth of the
 * read, and the JavaScript `JSON.parse` made reading a cached draft several times slower. The
 * native functions are put back; the polyfills that only add what Node 20 lacks
 * (`Promise.withResolvers`, `Uint8Array.prototype.toHex`...) stay, as pdf.js needs them.
 */
const REPLACED = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
] as const;

let loading: Promise<typeof import('pdf-parse')> | undefined;

/** pdf-parse's module, loaded on first use: importing pdf.js costs about a quarter of a second. */
export function loadPdfParse(): Promise<typeof import('pdf-parse')> {
  loading ??= importRestoringNatives();
  return loading;
}

/**
 * pdf.js, on Node, loads the native canvas module (@napi-rs/canvas) when it is imported, only to take
 * `DOMMatrix`, `ImageData` and `Path2D` from it for rendering. Reading text never renders, and opening
 * that shared library cost a quarter of a second in every reading thread (measured with --cpu-prof:
 * `dlopen`, 252 ms of a 20-page draft's 1.2 s). So the module is put in the require cache as an
 * inert stand-in before pdf.js asks for it: its three classes exist, so pdf.js has nothing to warn
 * about. `DOMMatrix` can be built (pdf.js builds one when it loads) but has no methods; the others refuse
 * to be built: a rendering path reached by mistake fails loudly.
 */
function standInForCanvas(): void {
  try {
    const fromPdfjs = createRequire(import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
    const path = fromPdfjs.resolve('@napi-rs/canvas');
    if (fromPdfjs.cache[path] !== undefined) return;
    class NotRendered {
      constructor() {
        throw new Error('treaty-diff reads the text of PDFs and does not render them');
      }
    }
    class InertMatrix {}
    const standIn = new Module(path);
    standIn.filename = path;
    standIn.loaded = true;
    standIn.exports = { DOMMatrix: InertMatrix, ImageData: NotRendered, Path2D: NotRendered };
    fromPdfjs.cache[path] = standIn;
  } catch {
    // Not installed or not resolvable: pdf.js copes (and warns) on its own.
  }
}

async function importRestoringNatives(): Promise<typeof import('pdf-parse')> {
  standInForCanvas();
  const natives = REPLACED.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const);
  try {
    const module = await import('pdf-parse');
    // pdf.js runs its "worker" in this thread under Node, importing pdf.worker.mjs (with a core-js of
    // its own) when the first document opens. Loaded here, it registers itself as
    // globalThis.pdfjsWorker, which pdf.js then uses instead of importing it again.
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return module;
  } finally {
    for (const [owner, key, descriptor] of natives) {
      if (descriptor !== undefined) Object.defineProperty(owner, key, descriptor);
    }
  }
}
