// The pdf.js worker module, imported only for its side effect (it registers globalThis.pdfjsWorker); it ships no types.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
