// Bounds the size of any one byte array made while a PDF is read: pdf.js decodes every stream (whatever its
// filter chain, encrypted or not) into one Uint8Array that doubles as it grows, so a bomb is stopped as
// its buffer grows past the bound, before the memory is taken, not after.

let limitBytes = Number.POSITIVE_INFINITY;
/** The size of the first allocation refused while the current guard was on. */
let refused: number | undefined;
let installed = false;

/**
 * Replaces the global `Uint8Array` of this thread by a proxy of it that refuses (throws a RangeError for)
 * a new array longer than the guard's bound; everything else (`instanceof`, `Uint8Array.from`, subclasses)
 * passes through to the real constructor. Installed once per thread, before pdf.js runs.
 */
function install(): void {
  if (installed) return;
  installed = true;
  const Real = globalThis.Uint8Array;
  globalThis.Uint8Array = new Proxy(Real, {
    construct(target, args: unknown[], newTarget) {
      const [size] = args;
      if (typeof size === 'number' && size > limitBytes) {
        refused ??= size;
        throw new RangeError(`allocation of ${size} bytes refused: past the bound of ${limitBytes}`);
      }
      return Reflect.construct(target, args, newTarget === globalThis.Uint8Array ? target : newTarget) as Uint8Array;
    },
  });
}

/**
 * Holds every byte array made in this thread to `bound` bytes until `release()`. `refused()` tells
 * whether an allocation was refused meanwhile (pdf.js may swallow the error and carry on with a page
 * missing, so the caller asks after each step and refuses the draft itself).
 *
 * Example: `const guard = guardAllocations(300 * 2 ** 20); ... if (guard.refused() !== undefined) throw bomb;`
 */
export function guardAllocations(bound: number): { refused(): number | undefined; release(): void } {
  install();
  limitBytes = bound;
  refused = undefined;
  return {
    refused: () => refused,
    release: () => {
      limitBytes = Number.POSITIVE_INFINITY;
    },
  };
}
