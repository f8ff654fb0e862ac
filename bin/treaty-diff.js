#!/usr/bin/env node
// Entry point: hands over to the built CLI; no logic here. What must start before the CLI loads (the
// compile cache, a reading thread for PDFs) starts first.
import { startEarly } from '../dist/cli/start-early.js';

await startEarly(process.argv, process.env);
const { main } = await import('../dist/cli/program.js');
await main(process.argv);
