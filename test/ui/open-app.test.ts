import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/commands/types.js';
import { openApp } from '../../src/ui/open-app.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('opening the app', () => {
  it('hides the global fetch only while Ink loads, and puts back the very same one', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    const ctx = {
      dataDir: tempDir(),
      questionDirs: [],
      stdout: { write: () => {} },
      stderr: { write: () => {} },
      interactive: false,
      stdoutIsTTY: false,
      columns: 80,
      env: {},
    };
    // Without a terminal the app refuses after it has loaded: the loading is what this test is about.
    await expect(openApp(ctx, { name: 'home' }, 'gocoffee-drill stats --json')).rejects.toBeInstanceOf(UserError);
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
    expect(typeof globalThis.fetch).toBe('function');
  });
});
