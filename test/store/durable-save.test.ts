import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileOps } from '../../src/store/durable-write.js';
import { openStore } from '../../src/store/store.js';
import { tempDir } from '../helpers/temp-dir.js';

type Fault =
  | 'none'
  | 'dir-fsync-eio'
  | 'short-write-then-enospc'
  | 'write-returns-zero'
  | 'fsync-eio'
  | 'read-back-short'
  | 'rename-eperm'
  | 'open-erofs';

/** Real file calls, with one fault injected on the store's temp file while `fault` is set. */
function faultyOps(): FileOps & { fault: Fault } {
  const error = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
  const ops: FileOps & { fault: Fault } = {
    fault: 'none',
    openSync: ((path: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      if (ops.fault === 'open-erofs' && String(path).endsWith('.tmp')) throw error('EROFS');
      return fs.openSync(path, flags, mode);
    }) as typeof fs.openSync,
    writeSync: ((fd: number, buffer: Buffer, offset: number, length: number) => {
      if (ops.fault === 'short-write-then-enospc') {
        if (offset > 0) throw error('ENOSPC');
        return fs.writeSync(fd, buffer, offset, Math.min(length, 10));
      }
      if (ops.fault === 'write-returns-zero')
        return offset > 0 ? 0 : fs.writeSync(fd, buffer, offset, Math.min(length, 7));
      return fs.writeSync(fd, buffer, offset, length);
    }) as typeof fs.writeSync,
    fsyncSync: ((fd: number) => {
      if (ops.fault === 'fsync-eio' && !fs.fstatSync(fd).isDirectory()) throw error('EIO');
      if (ops.fault === 'dir-fsync-eio' && fs.fstatSync(fd).isDirectory()) throw error('EIO');
      fs.fsyncSync(fd);
    }) as typeof fs.fsyncSync,
    closeSync: fs.closeSync,
    readFileSync: ((path: fs.PathOrFileDescriptor) => {
      const bytes = fs.readFileSync(path);
      return ops.fault === 'read-back-short' ? bytes.subarray(0, 4096 < bytes.length ? 4096 : bytes.length - 1) : bytes;
    }) as typeof fs.readFileSync,
    renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
      if (ops.fault === 'rename-eperm') throw error('EPERM');
      fs.renameSync(from, to);
    }) as typeof fs.renameSync,
    unlinkSync: fs.unlinkSync,
  };
  return ops;
}

describe('a save that fails half-way', () => {
  it.each<[Fault, RegExp]>([
    ['short-write-then-enospc', /the disk is full, ENOSPC/],
    ['write-returns-zero', /the disk is full, ENOSPC/],
    ['fsync-eio', /the device reported an error, EIO/],
    ['read-back-short', /EIO \(the saved copy read back as \d+ of \d+ bytes\)/],
    ['rename-eperm', /permission denied, EPERM/],
    ['open-erofs', /read-only, EROFS/],
  ])('%s: the old store stays byte for byte, the change stays in memory, the error is named', (fault, message) => {
    const dir = tempDir();
    const ops = faultyOps();
    const { store } = openStore(dir, undefined, { fileOps: ops });
    expect(
      store.update((d) => {
        d.checklist.first = '2026-11-24T00:00:00.000Z';
      }).ok,
    ).toBe(true);
    const before = fs.readFileSync(join(dir, 'store.json'));

    ops.fault = fault;
    const result = store.update((d) => {
      d.checklist.second = '2026-11-24T00:00:01.000Z';
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
    expect(store.lastError).toMatch(message);
    expect(store.failure).toMatch(message);
    expect(fs.readFileSync(join(dir, 'store.json')).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['store.json']);
    expect(store.data.checklist).toEqual({ first: '2026-11-24T00:00:00.000Z', second: '2026-11-24T00:00:01.000Z' });
    expect(store.unsaved()).toEqual(['1 checklist change']);

    // Space is back: the next save writes everything still unsaved and clears the error.
    ops.fault = 'none';
    expect(store.save().ok).toBe(true);
    expect(store.lastError).toBeUndefined();
    expect(store.failure).toBeUndefined();
    expect(store.unsaved()).toEqual([]);
    expect(Object.keys(openStore(dir).store.data.checklist)).toEqual(['first', 'second']);
  });
});

describe('a directory sync that fails after the rename', () => {
  it('reports the error, but the attempt is in the file and is not written twice by the next save', () => {
    const dir = tempDir();
    const ops = faultyOps();
    const { store } = openStore(dir, undefined, { fileOps: ops });
    ops.fault = 'dir-fsync-eio';
    const attempt = {
      questionId: '1.1',
      at: '2026-11-24T10:00:00.000Z',
      score: 50,
      steps: [],
      totalMs: 0,
      mode: 'practice' as const,
    };
    const result = store.update((d) => {
      d.attempts.push(attempt);
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('EIO');
    expect(store.unsaved()).toEqual([]);
    ops.fault = 'none';
    expect(
      store.update((d) => {
        d.settings.editor = 'vi';
      }).ok,
    ).toBe(true);
    expect(openStore(dir).store.data.attempts).toEqual([attempt]);
  });
});

describe('links', () => {
  it('a symlinked store file is written through and stays a link', () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    fs.writeFileSync(
      join(elsewhere, 'real.json'),
      JSON.stringify({ schemaVersion: 1, checklist: { a: '2026-11-24T00:00:00.000Z' } }),
    );
    fs.symlinkSync(join(elsewhere, 'real.json'), join(dir, 'store.json'));
    const { store } = openStore(dir);
    expect(
      store.update((d) => {
        d.checklist.b = '2026-11-24T00:00:00.000Z';
      }).ok,
    ).toBe(true);
    expect(fs.lstatSync(join(dir, 'store.json')).isSymbolicLink()).toBe(true);
    expect(Object.keys(JSON.parse(fs.readFileSync(join(elsewhere, 'real.json'), 'utf8')).checklist)).toEqual([
      'a',
      'b',
    ]);
  });

  it('a symlinked data directory is written through', () => {
    const real = tempDir();
    const parent = tempDir();
    fs.symlinkSync(real, join(parent, 'data'));
    const { store } = openStore(join(parent, 'data'));
    expect(
      store.update((d) => {
        d.settings.editor = 'vi';
      }).ok,
    ).toBe(true);
    expect(fs.lstatSync(join(parent, 'data')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(join(real, 'store.json'), 'utf8')).settings).toEqual({ editor: 'vi' });
  });
});

describe('the lock', () => {
  it('a lock left by a dead process is broken, a live one makes the save fail with its pid', () => {
    const dir = tempDir();
    const { store } = openStore(dir, undefined, { lockTimeoutMs: 200 });
    fs.writeFileSync(join(dir, 'store.json.lock'), `999999999 ${Date.now()}\n`);
    expect(
      store.update((d) => {
        d.checklist.a = '2026-11-24T00:00:00.000Z';
      }).ok,
    ).toBe(true);
    fs.writeFileSync(join(dir, 'store.json.lock'), `${process.ppid} ${Date.now()}\n`);
    const result = store.update((d) => {
      d.checklist.b = '2026-11-24T00:00:00.000Z';
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`the store is locked by process ${process.ppid}`);
    fs.unlinkSync(join(dir, 'store.json.lock'));
    expect(store.save().ok).toBe(true);
    expect(Object.keys(openStore(dir).store.data.checklist)).toEqual(['a', 'b']);
  });
});
