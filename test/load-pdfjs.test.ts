// Reading a PDF leaves the process's built-ins native: pdf.js's bundled core-js must not slow the rest of the run.

import { describe, expect, it } from 'vitest';
import { readDraft } from '../src/drafts/read-draft.js';

const isNative = (fn: unknown): boolean => typeof fn === 'function' && /\{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(fn));

describe('after a PDF is read', () => {
  it('Array.prototype.push and JSON.parse are the native functions again', async () => {
    const doc = await readDraft('fixtures/un-draft.pdf');
    expect(doc.source.pages).toBeGreaterThan(1);
    // pdf.js is loaded by now: its document and worker modules both ran.
    expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeDefined();
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    // What pdf.js needs from its polyfills on Node 20 is still there.
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});
