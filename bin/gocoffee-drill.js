#!/usr/bin/env node
import { main } from '../dist/cli.js';

// A reader that stops early (`| head -c 100`, `| true`) closes the pipe: that is not an error of ours,
// so leave quietly instead of Node's "Unhandled 'error' event" with a stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const code = await main(process.argv.slice(2));
// Large output to a pipe is written asynchronously: wait until stdout and stderr have flushed
// everything queued, then leave at once (skipping Ink's ~35 ms render throttle after the last frame).
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
