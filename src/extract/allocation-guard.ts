// Bounds the large byte arrays made while a PDF is read: pdf.js decodes every stream (whatever its filter
// chain, encrypted or not) into a Uint8Array that doubles as it grows, so a bomb is stopped as its buffers
// grow past the bound, before the memory is taken, not after.

/** Arrays from this size up are counted: decoded streams that grow. Real drafts of 200 pages make none. */
const COUNTED_BYTES = 1024 * 1024;
/**
 * No one array may be longer. pdf.js reads a string token char by char into a JS array, and a stream of
 * hundreds of MB inside one `(` grows that array past V8's largest (about 134 million elements), which ends
 * the whole process with a fatal error that no handler sees. 32 MB keeps such an array at a quarter of that,
 * and its memory (8 bytes an element) well inside the thread's heap bound.
 */
export const LARGEST_STREAM_BYTES = 32 * 1024 * 1024;

/** Why an allocation was refused: the large arrays in all past the bound, or one stream past 32 MB. */
export type Refusal = 'total' | 'one-stream';

interface GuardState {
  limitBytes: number;
  countedBytes: number;
  refused?: Refusal;
}

/** The guard on now, if any (one draft is read at a time in a reading thread). */
let current: GuardState | undefined;
let installed = false;

/**
 * Replaces the global `Uint8Array` of this thread by a proxy of it that, while a guard is on, counts the
 * bytes of new arrays of 1 MB and more and refuses (throws a RangeError for) one longer than 32 MB or
 * one that takes the count past the guard's bound (a stream decoded to 256 MB grew through buffers of
 * 1, 2, ... 256 MB: 511 MB counted). Everything else (`instanceof`, `Uint8Array.from`, subclasses)
 * passes through to the real constructor. Installed once per thread, before pdf.js runs.
 */
function install(): void {
  if (installed) return;
  installed = true;
  const Real = globalThis.Uint8Array;
  const guarded: Uint8ArrayConstructor = new Proxy(Real, {
    construct(target, args: unknown[], newTarget): object {
      const [size] = args;
      if (current !== undefined && typeof size === 'number' && size >= COUNTED_BYTES) {
        current.countedBytes += size;
        const refusal: Refusal | undefined = size > LARGEST_STREAM_BYTES ? 'one-stream' : current.countedBytes > current.limitBytes ? 'total' : undefined;
        if (refusal !== undefined) {
          current.refused ??= refusal;
          throw new RangeError(`an array of ${size} bytes refused while reading a PDF (${refusal === 'one-stream' ? 'one stream past 32 MB' : 'decoded streams past the bound'})`);
        }
      }
      return Reflect.construct(target, args, newTarget === guarded ? target : newTarget) as object;
    },
  });
  globalThis.Uint8Array = guarded;
}

/**
 * Holds the large byte arrays made in this thread to `bound` bytes in all, and each to 32 MB, until
 * `release()`. `refused()` tells whether an allocation was refused meanwhile and why: pdf.js may swallow
 * the error and carry on with a page missing, so the caller asks after each step and refuses the draft.
 *
 * Example: `const guard = guardAllocations(300 * 2 ** 20); ... if (guard.refused() !== undefined) throw bomb;`
 */
export function guardAllocations(bound: number): { refused(): Refusal | undefined; release(): void } {
  install();
  const state: GuardState = { limitBytes: bound, countedBytes: 0 };
  current = state;
  return {
    refused: () => state.refused,
    release: () => {
      if (current === state) current = undefined;
    },
  };
}
