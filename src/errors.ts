// The one error class of treaty-diff: a code plus a one-line message meant for the user.

/** Every way treaty-diff refuses an input. Each maps to exit code 2. */
export type ErrorCode =
  | 'file-not-found'
  | 'not-a-file'
  | 'empty-file'
  | 'unreadable-file'
  | 'not-a-pdf'
  /** A text draft whose bytes are not text in an encoding it says it has (UTF-16 with a BOM, cut or damaged). */
  | 'bad-encoding'
  | 'damaged-pdf'
  /** A damaged PDF that does not end with `%%EOF`: an interrupted download or copy. */
  | 'truncated-pdf'
  | 'encrypted-pdf'
  | 'no-text-layer'
  | 'no-articles'
  /** Text set in two columns side by side on most pages: a list of amendments or a comparison table, not a draft. */
  | 'amendment-table'
  | 'too-large'
  | 'too-many-pages'
  /** Compressed streams that expand past the bound (a decompression bomb). */
  | 'decompression-bomb'
  /** A password was given (or required) and it does not open the PDF. */
  | 'wrong-password'
  | 'timeout'
  /** Reading one draft needed more memory than its thread may use. */
  | 'out-of-memory'
  | 'bad-rules'
  | 'bad-option'
  /** `treaty-diff marked` on a draft that marks no changes of its own (no struck text, no stated convention). */
  | 'no-marks'
  | 'output-failed'
  | 'internal';

/**
 * An expected failure: the message is complete, names the file, and says what to do.
 * The CLI prints `treaty-diff: <message>` and exits 2; no stack trace.
 */
export class TreatyDiffError extends Error {
  override readonly name = 'TreatyDiffError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isTreatyDiffError(error: unknown): error is TreatyDiffError {
  return error instanceof TreatyDiffError;
}
