import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStoreWriter, openStore } from '../../src/store/store.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixedNow = () => new Date('2026-11-24T13:45:06.789Z');
const isRoot = process.getuid?.() === 0;

describe('store', () => {
  beforeAll(async () => {
    await loadStoreWriter();
  });

  it('round-trips data across a reopen', () => {
    const dir = tempDir();
    const { store, notices } = openStore(dir);
    expect(notices).toEqual([]);
    expect(
      store.update((d) => {
        d.checklist['knowledge-scaling'] = '2026-11-24T00:00:00.000Z';
      }),
    ).toEqual({ ok: true });
    const again = openStore(dir).store;
    expect(again.data.checklist).toEqual({ 'knowledge-scaling': '2026-11-24T00:00:00.000Z' });
    expect(again.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it.each([
    ['empty', '', 'the file is empty'],
    ['truncated', '{"schemaVersion":1,"attempts":[{"questionId":"q1', 'not valid JSON'],
    ['NUL-filled', '\0'.repeat(64), 'not valid JSON'],
    ['not JSON', 'hello: world\n', 'not valid JSON'],
    ['a JSON array', '[1,2,3]', 'not a JSON object'],
    ['from a newer version', '{"schemaVersion":99}', 'newer gocoffee-drill'],
  ])('moves a store that is %s aside, says where, and starts fresh', (_name, content, reason) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'store.json'), content);
    const { store, notices } = openStore(dir, fixedNow);
    const backup = join(dir, 'store.json.corrupt-2026-11-24T13-45-06-789Z');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(reason);
    expect(notices[0]).toContain(backup);
    expect(readFileSync(backup, 'utf8')).toBe(content);
    expect(store.data.attempts).toEqual([]);
    expect(
      store.update((d) => {
        d.settings.editor = 'vi';
      }).ok,
    ).toBe(true);
    expect(openStore(dir).store.data.settings.editor).toBe('vi');
  });

  it('migrates a version-0 store: checklist array becomes dated ticks, attempts kept', () => {
    const dir = tempDir();
    copyFileSync(new URL('./fixtures/store-v0.json', import.meta.url), join(dir, 'store.json'));
    const { store, notices } = openStore(dir);
    expect(notices).toEqual([]);
    expect(store.data.schemaVersion).toBe(1);
    expect(Object.keys(store.data.checklist).sort()).toEqual(['knowledge-scaling', 'practical-load-tests']);
    expect(store.data.attempts[0].score).toBe(72);
    expect(store.data.drafts).toEqual({});
  });

  it.skipIf(isRoot)('reports a failed write in a read-only directory and keeps the change in memory', () => {
    const dir = tempDir();
    openStore(dir).store.update((d) => {
      d.checklist.a = 'x';
    });
    chmodSync(dir, 0o500);
    chmodSync(join(dir, 'store.json'), 0o400);
    try {
      const { store } = openStore(dir);
      const result = store.update((d) => {
        d.checklist.b = 'y';
      });
      expect(result.ok).toBe(false);
      expect(store.data.checklist).toEqual({ a: 'x', b: 'y' });
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('reports a failed write when the store path cannot be written, and keeps the change in memory', () => {
    // Works as root too: a directory where the store file should be makes every write fail.
    const dir = tempDir();
    const { store } = openStore(dir);
    const blocker = join(dir, 'store.json');
    mkdirSync(blocker);
    const result = store.update((d) => {
      d.checklist.b = 'y';
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/could not save to .*store\.json/);
    expect(store.data.checklist).toEqual({ b: 'y' });
    expect(existsSync(blocker)).toBe(true);
    expect(readdirSync(dir)).toContain('store.json');
  });

  it('works in memory with a notice when the data directory is a file', () => {
    const dir = tempDir();
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const { store, notices } = openStore(file);
    expect(notices[0]).toMatch(/cannot be (read|used)/);
    expect(
      store.update((d) => {
        d.checklist.a = 'x';
      }).ok,
    ).toBe(false);
    expect(store.data.checklist).toEqual({ a: 'x' });
  });
});
