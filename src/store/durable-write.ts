import * as fs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The file calls a save makes; tests pass a copy with faults injected (ENOSPC at write or fsync). */
export type FileOps = Pick<
  typeof fs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'readFileSync' | 'renameSync' | 'unlinkSync'
>;

export const realFileOps: FileOps = fs;

let counter = 0;

/**
 * Replace `path` with `text` so that a crash, a full disk or a failing device leaves either the old
 * file or the new one, never a short one: write a temp file beside it (checking every byte count),
 * fsync it, read it back and compare, rename it over the old file, fsync the directory.
 * Atomic rename alone is not enough: on ENOSPC the temp file can be shorter than the data.
 * A symlinked store is written through (the link is kept, its target replaced).
 */
export function writeDurably(path: string, text: string, ops: FileOps = realFileOps): void {
  const target = followLink(path);
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${++counter}.tmp`);
  const bytes = Buffer.from(text, 'utf8');
  let fd: number | undefined = ops.openSync(temp, 'wx', 0o600);
  try {
    for (let done = 0; done < bytes.length;) {
      const n = ops.writeSync(fd, bytes, done, bytes.length - done);
      if (n <= 0) throw errno('ENOSPC', `wrote ${done} of ${bytes.length} bytes`);
      done += n;
    }
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = undefined;
    const back = ops.readFileSync(temp);
    if (!bytes.equals(back)) throw errno('EIO', `the saved copy read back as ${back.length} of ${bytes.length} bytes`);
    ops.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        ops.closeSync(fd);
      } catch {
        // the write error is the one worth reporting
      }
    }
    try {
      ops.unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    throw error;
  }
  try {
    syncDir(dir, ops);
  } catch (error) {
    // The new file is in place (every process reads it); only its durability across a power cut
    // is in doubt. The caller must not replay what it wrote, so say so.
    throw Object.assign(error as Error, { afterRename: true });
  }
}

/** Make a rename durable: fsync the directory that holds it. */
export function syncDir(dir: string, ops: FileOps = realFileOps): void {
  const fd = ops.openSync(dir, 'r');
  try {
    ops.fsyncSync(fd);
  } catch (error) {
    // Some file systems cannot fsync a directory; the rename has still happened.
    if (!['EINVAL', 'EISDIR', 'ENOTSUP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    ops.closeSync(fd);
  }
}

/** Where a write to `path` must land: through a symlink (even a dangling one) to its target. */
export function followLink(path: string): string {
  let current = path;
  for (let hops = 0; hops < 32; hops += 1) {
    let link: string;
    try {
      if (!fs.lstatSync(current).isSymbolicLink()) return current;
      link = fs.readlinkSync(current);
    } catch {
      return current;
    }
    current = resolve(dirname(current), link);
  }
  throw errno('ELOOP', `too many symbolic links at ${path}`);
}

export function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}
