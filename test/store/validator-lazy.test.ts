// The app opens the store through store-core.ts, whose validator (zod) loads only when there is a file
// to check. This file imports nothing that registers it (store.ts does), so it sees the app as it starts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStoreValidator, openStore, StoreValidatorMissing, storeFileExists } from '../../src/store/store-core.js';
import { SCHEMA_VERSION } from '../../src/store/shape.js';
import { openServices } from '../../src/ui/services.js';
import { testContext } from '../helpers/test-context.js';
import { tempDir } from '../helpers/temp-dir.js';

const stored = (checklist: Record<string, string>) =>
  JSON.stringify({
    schemaVersion: SCHEMA_VERSION,
    attempts: [],
    reviews: [],
    drafts: {},
    checklist,
    settings: {},
    mocks: [],
  });

// Ordered: the validator, once loaded, stays loaded for the rest of the file.
describe('the store before and after its validator loads', () => {
  it('opens a data directory without a file, and refuses to read a file it cannot check', () => {
    const empty = tempDir();
    expect(storeFileExists(empty)).toBe(false);
    expect(openStore(empty).store.data.attempts).toEqual([]);
    const full = tempDir();
    writeFileSync(join(full, 'store.json'), stored({ a: '2026-11-24T00:00:00.000Z' }));
    expect(storeFileExists(full)).toBe(true);
    expect(() => openStore(full)).toThrow(StoreValidatorMissing);
  });

  it('a save that finds a file it cannot check yet fails, keeps the change, and succeeds once loaded', async () => {
    const dir = tempDir();
    const { store } = openStore(dir);
    // Another process's first save lands after this one opened an empty directory.
    writeFileSync(join(dir, 'store.json'), stored({ theirs: '2026-11-24T00:00:00.000Z' }));
    const failed = store.update((d) => {
      d.checklist.ours = '2026-11-25T00:00:00.000Z';
    });
    expect(failed.ok).toBe(false);
    expect(store.lastError).toMatch(/cannot be checked yet.*kept in memory/);
    expect(store.unsaved()).not.toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')).checklist).toEqual({
      theirs: '2026-11-24T00:00:00.000Z',
    });
    await loadStoreValidator();
    expect(store.save()).toEqual({ ok: true });
    expect(JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')).checklist).toEqual({
      theirs: '2026-11-24T00:00:00.000Z',
      ours: '2026-11-25T00:00:00.000Z',
    });
  });

  it('the app loads the validator before it reads a file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'store.json'), stored({ kept: '2026-11-24T00:00:00.000Z' }));
    const services = await openServices(testContext(dir));
    expect(services.store.data.checklist).toEqual({ kept: '2026-11-24T00:00:00.000Z' });
    expect(existsSync(join(dir, 'store.json'))).toBe(true);
  });
});
