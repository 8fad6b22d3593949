#!/usr/bin/env node
import { main } from '../dist/cli.js';

const code = await main(process.argv.slice(2));
// Leaving through exit() skips Ink's ~35 ms render throttle after the last frame; stdout and
// stderr to files, pipes and terminals are written synchronously on POSIX before this runs.
process.exit(code);
