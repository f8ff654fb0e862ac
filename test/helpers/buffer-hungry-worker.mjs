// A reading thread that fills buffers outside the JavaScript heap, as pdf.js does when a filter chain
// inflates a stream: no heap bound sees it, the process memory bound must.
const hoard = [];
for (;;) hoard.push(Buffer.alloc(32 * 1024 * 1024, hoard.length));
