#!/usr/bin/env node
// Entry point: hands over to the built CLI; no logic here.
import { main } from '../dist/cli/program.js';

await main(process.argv);
