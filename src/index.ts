// Public API: re-exports only.

export type * from './types.js';
export { TreatyDiffError, isTreatyDiffError, type ErrorCode } from './errors.js';
export { EXIT_NO_DIFFERENCES, EXIT_DIFFERENCES, EXIT_TROUBLE, exitCodeFor, hasDifferences } from './exit-codes.js';
export { readDraft } from './drafts/read-draft.js';
export { extractText } from './extract/text.js';
export { parseDocument } from './parse/parse-document.js';
export { listArticles } from './parse/walk.js';
export { compareDrafts, compareMarkedDraft } from './compare.js';
export { parseDraft } from './parse/parse-draft.js';
export { renderText } from './render/text.js';
export { renderJson, SCHEMA_VERSION } from './render/json.js';
export { createHighlighter } from './render/highlight.js';
