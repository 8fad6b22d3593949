import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KERNEL_WASM } from '../../../src/engine/sim/kernel-wasm.js';

describe('the simulator’s WebAssembly loops', () => {
  it('is the compiled form of kernel/ as it stands (npm run build:kernel was run)', () => {
    // Exits 1 with a message when a fresh compile differs from the module the repo keeps.
    expect(() =>
      execFileSync(process.execPath, ['scripts/build-kernel.mjs', '--check'], { stdio: 'pipe', encoding: 'utf8' }),
    ).not.toThrow();
  }, 60_000);

  it('is a valid WebAssembly module exporting the loop and its memory', () => {
    const bytes = Uint8Array.from(atob(KERNEL_WASM), (c) => c.charCodeAt(0));
    const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['memory', 'setup', 'setupFull', 'configure', 'seedRng', 'run', 'runFull', 'counter']),
    );
  });
});
