import { closeSync, fstatSync, openSync, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { LIMITS } from './shape.js';
import { MigrationError, migrate } from './migrations.js';

export type StoreFile =
  | { kind: 'missing' }
  /** Cannot be used at all (not JSON, empty, from a newer version): it is moved aside whole. */
  | { kind: 'bad'; reason: string }
  /** Migrated to today's version, not yet checked entry by entry. */
  | { kind: 'ok'; raw: Record<string, unknown>; lossy: boolean; id: string };

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Read and migrate the store file. Throws only when the file cannot be read (EACCES, ENOTDIR…). */
export function readStoreFile(path: string): StoreFile {
  let bytes: Buffer;
  let id: string;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    // Identity and content from one descriptor, so they always belong together.
    id = identity(fstatSync(fd, { bigint: true }));
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  if (bytes.length > LIMITS.fileBytes)
    return { kind: 'bad', reason: `larger than ${LIMITS.fileBytes / 1024 / 1024} MiB` };
  let text: string;
  let lossy = false;
  try {
    text = strict.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
    lossy = true;
  }
  if (text.trim() === '') return { kind: 'bad', reason: 'the file is empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // Also a RangeError from a value nested past what the parser's stack allows.
    return { kind: 'bad', reason: 'not valid JSON' };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { kind: 'bad', reason: 'not a JSON object' };
  try {
    return { kind: 'ok', raw: migrate(raw as Record<string, unknown>), lossy, id };
  } catch (error) {
    if (error instanceof MigrationError) return { kind: 'bad', reason: error.message };
    throw error;
  }
}

/**
 * Which file this is: every save renames a new file into place (a new inode), so an unchanged
 * identity means nobody has saved since, and the file need not be read again.
 */
export function identity(stat: BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** The identity of the file at `path` now, or undefined when there is none. */
export function currentIdentity(path: string): string | undefined {
  try {
    return identity(statSync(path, { bigint: true }));
  } catch {
    return undefined;
  }
}
