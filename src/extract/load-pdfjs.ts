// Imports pdf-parse (and the pdf.js build and worker it pins) once, undoing the global built-ins their polyfills replace.

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

async function importRestoringNatives(): Promise<typeof import('pdf-parse')> {
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
