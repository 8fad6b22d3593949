import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { tempDir } from '../helpers/temp-dir.js';

// Runs in its own worker, so the conf writer has not been loaded yet when the test starts.
describe('store before its writer has loaded', () => {
  it('queues a write and persists it once settled', async () => {
    const dir = tempDir();
    const { store } = openStore(dir);
    expect(store.update((d) => { d.checklist.x = 'then'; })).toEqual({ ok: true });
    await store.settled();
    expect(JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')).checklist).toEqual({ x: 'then' });
  });
});
