#!/usr/bin/env node
// Entry point: hands over to the built CLI; no logic here.
import { main } from '../dist/cli.js';

await main(process.argv);
