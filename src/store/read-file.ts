import { readFileSync } from 'node:fs';
import { LIMITS } from './schema.js';
import { MigrationError, migrate } from './migrations.js';

export type StoreFile =
  | { kind: 'missing' }
  /** Cannot be used at all (not JSON, empty, from a newer version): it is moved aside whole. */
  | { kind: 'bad'; reason: string }
  /** Migrated to today's version, not yet checked entry by entry; `bytes` kept for a byte-exact backup. */
  | { kind: 'ok'; raw: Record<string, unknown>; lossy: boolean; bytes: Buffer };

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Read and migrate the store file. Throws only when the file cannot be read (EACCES, ENOTDIR…). */
export function readStoreFile(path: string): StoreFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (bytes.length > LIMITS.fileBytes) return { kind: 'bad', reason: `larger than ${LIMITS.fileBytes / 1024 / 1024} MiB` };
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
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'bad', reason: 'not a JSON object' };
  try {
    return { kind: 'ok', raw: migrate(raw as Record<string, unknown>), lossy, bytes };
  } catch (error) {
    if (error instanceof MigrationError) return { kind: 'bad', reason: error.message };
    throw error;
  }
}
