#!/usr/bin/env node
// Entry point: hands over to the built CLI; no logic here. The compile cache is turned on first, so that
// it covers the modules the CLI loads.
import { enableCompileCache } from '../dist/cli/compile-cache.js';

// --no-cache stores nothing in the cache folder, compiled code included.
if (!process.argv.includes('--no-cache')) enableCompileCache(process.env);
const { main } = await import('../dist/cli/program.js');
await main(process.argv);
