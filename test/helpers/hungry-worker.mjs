// A reading thread that keeps allocating, as a PDF built to exhaust memory would make it: the heap bound stops it.
const hoard = [];
for (;;) hoard.push(new Array(100_000).fill(hoard.length));
