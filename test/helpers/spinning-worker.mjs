// A reading thread that never yields, as pdf.js would on a PDF that traps it in a loop: only terminate() stops it.
for (;;) {
  // spin
}
