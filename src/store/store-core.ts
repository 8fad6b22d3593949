import { copyFileSync, lstatSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { followLink, realFileOps, writeDurably, type FileOps } from './durable-write.js';
import { withLock } from './lock.js';
import { apply, changesSince, describeChanges, printsOf, type Prints } from './merge.js';
import { appendQuarantine, summarize, writable } from './quarantine.js';
import { currentIdentity, readStoreFile } from './read-file.js';
import { emptyStore, type StoreData } from './shape.js';
import type { validateStore as ValidateStore } from './validate.js';

export type WriteResult = { ok: true } | { ok: false; error: string };

export interface StoreOptions {
  now?: () => Date;
  /** Injected faults for tests (ENOSPC at write, EIO at fsync). */
  fileOps?: FileOps;
  /**
   * How long a save waits for other processes' saves. Commands wait long (a script recording many
   * attempts at once must not fail); the app waits briefly, shows "Not saved" and retries, so the
   * screen never freezes. @default 30000
   */
  lockTimeoutMs?: number;
}

type Json = Record<string, unknown>;

/**
 * The store's validator (zod, about a third of what the home screen would load): registered by
 * store.ts, which every command imports, or loaded by the app before it reads a file. A first run
 * has no file, so its home screen draws without it.
 */
let validator: typeof ValidateStore | undefined;

export function registerStoreValidator(validate: typeof ValidateStore): void {
  validator = validate;
}

/** Load and register the validator; resolves at once when it is already there. */
export async function loadStoreValidator(): Promise<void> {
  validator ??= (await import('./validate.js')).validateStore;
}

/** Thrown when a file must be read before the validator is loaded (a file that appeared meanwhile). */
export class StoreValidatorMissing extends Error {
  constructor() {
    super('the store file cannot be checked yet (its validator is still loading)');
  }
}

function validateStore(...args: Parameters<typeof ValidateStore>): ReturnType<typeof ValidateStore> {
  if (!validator) throw new StoreValidatorMissing();
  return validator(...args);
}

/**
 * The user's data, held in memory and saved on every change. Every save takes the lock, re-reads
 * the file, replays this process's own changes onto it (merge.ts) and writes it durably
 * (durable-write.ts), so several processes never erase each other's work and a full disk never
 * leaves a short file. A failed save keeps the in-memory state and the good file; the next
 * successful save persists everything still unsaved.
 */
export class Store {
  /** The last save error, until a save succeeds. */
  lastError: string | undefined;
  /** Its cause alone, short enough for one status line ("the disk is full, ENOSPC"). */
  failure: string | undefined;

  /** Fingerprints of the store as last read or written; what differs from them in `data` is unsaved. */
  private base: Prints;
  /** Which file that was (see read-file.ts identity); undefined when unknown. */
  private fileId: string | undefined;

  constructor(
    readonly path: string,
    public data: StoreData,
    /** Things the user must be told (a backup made, entries quarantined); grows when a save finds more. */
    readonly notices: string[],
    private readonly writable: boolean,
    private readonly options: StoreOptions = {},
    fileId?: string,
  ) {
    this.base = printsOf(data as unknown as Json);
    this.fileId = fileId;
  }

  /** Change the data and save it at once. */
  update(mutate: (data: StoreData) => void): WriteResult {
    mutate(this.data);
    return this.save();
  }

  /** Save unsaved changes (and pick up other processes' saves). Never throws. */
  save(options: { rewrite?: boolean } = {}): WriteResult {
    try {
      if (!this.writable) throw new Error('the data directory cannot be used');
      const { changes, prints } = changesSince(this.base, this.data as unknown as Json);
      const target = followLink(this.path);
      mkdirSync(dirname(target), { recursive: true });
      withLock(
        `${target}.lock`,
        () => {
          // Unchanged since we last read or wrote it (the common case): our data is the merge.
          const disk =
            this.fileId !== undefined && currentIdentity(target) === this.fileId
              ? undefined
              : this.readForMerge(target);
          const merged = disk?.data ? apply(disk.data, changes) : (this.data as unknown as Json);
          const adopt = () => {
            this.base = disk?.data ? printsOf(merged) : prints;
            this.data = merged as unknown as StoreData;
            this.fileId = currentIdentity(target);
          };
          if (changes.length > 0 || disk?.dirty || options.rewrite) {
            try {
              writeDurably(this.path, `${JSON.stringify(merged, null, '\t')}\n`, this.options.fileOps ?? realFileOps);
            } catch (error) {
              // Renamed into place but the directory sync failed: the file holds our changes.
              if ((error as { afterRename?: boolean }).afterRename) adopt();
              throw error;
            }
          }
          adopt();
        },
        this.options.lockTimeoutMs ?? 30_000,
      );
      this.lastError = undefined;
      this.failure = undefined;
      return { ok: true };
    } catch (error) {
      this.failure = describe(error);
      this.lastError = `could not save to ${this.path}: ${this.failure}; your changes are kept in memory`;
      return { ok: false, error: this.lastError };
    }
  }

  /** What is changed in memory but not saved, in words (empty when everything is saved). */
  unsaved(): string[] {
    return describeChanges(changesSince(this.base, this.data as unknown as Json).changes);
  }

  /** Saves are synchronous; kept so that callers written for a deferred writer still read right. */
  async settled(): Promise<void> {}

  /**
   * The file as it is now, checked: unusable entries go to the quarantine file before the store is
   * rewritten without them; an unreadable file is moved aside and our last good view stands in.
   */
  private readForMerge(target: string): { data?: Json; dirty: boolean } {
    const now = this.options.now?.() ?? new Date();
    const file = readStoreFile(target);
    if (file.kind === 'missing') return { data: emptyStore() as unknown as Json, dirty: true };
    if (file.kind === 'bad') {
      const backup = moveAside(target, now);
      this.notices.push(
        `The store at ${this.path} could not be read (${file.reason}). It was moved to ${backup}; this session's data was saved in its place.`,
      );
      // No data: ours (the last good view plus our changes) is written whole.
      return { dirty: true };
    }
    const { data, quarantined } = validateStore(file.raw, file.lossy);
    if (quarantined.length === 0) return { data: data as unknown as Json, dirty: false };
    const quarantine = join(dirname(target), 'store.quarantine.jsonl');
    // Bytes that are not UTF-8, or a value too deep to write out: keep the whole file as it was.
    let original: string | undefined;
    if (file.lossy || quarantined.some((entry) => !writable(entry.value))) {
      original = `${target}.${file.lossy ? 'not-utf8' : 'original'}-${stamp(now)}`;
      copyFileSync(target, original);
    }
    const copy = original ? ` The file as it was, byte for byte, is at ${original}.` : '';
    appendQuarantine(quarantine, quarantined, now, original);
    this.notices.push(
      `Moved ${summarize(quarantined)} out of the store into ${quarantine}; the other entries are kept.${copy}`,
    );
    return { data: data as unknown as Json, dirty: true };
  }
}

/** Saves never need anything loaded first any more; kept for callers that still await it. */
export function loadStoreWriter(): Promise<void> {
  return Promise.resolve();
}

export interface OpenedStore {
  store: Store;
  /** Things the user must be told (a backup made, entries quarantined, a read-only directory). */
  notices: string[];
}

/** Where the store of a data directory is kept. */
export function storePath(dataDir: string): string {
  return join(dataDir, 'store.json');
}

/** Whether the data directory holds a store file (a link to one counts; an unreadable one too). */
export function storeFileExists(dataDir: string): boolean {
  try {
    lstatSync(storePath(dataDir));
    return true;
  } catch {
    return false;
  }
}

/** Open (or create) the store under dataDir. Never throws for a bad file: it is moved aside. */
export function openStore(
  dataDir: string,
  now: () => Date = () => new Date(),
  options: StoreOptions = {},
): OpenedStore {
  const notices: string[] = [];
  const path = storePath(dataDir);
  const opts = { ...options, now };
  let file;
  try {
    file = readStoreFile(path);
  } catch (error) {
    return inMemory(path, notices, `The data directory ${dataDir} cannot be read (${describe(error)}).`);
  }
  if (file.kind === 'missing') return { store: new Store(path, emptyStore(), notices, true, opts), notices };
  if (file.kind === 'bad') {
    let backup: string;
    try {
      backup = moveAside(followLink(path), now());
    } catch (moveError) {
      return inMemory(
        path,
        notices,
        `The store at ${path} could not be read (${file.reason}) nor moved aside (${describe(moveError)}).`,
      );
    }
    notices.push(
      `The store at ${path} could not be read (${file.reason}). It was moved to ${backup} and a fresh store started.`,
    );
    return { store: new Store(path, emptyStore(), notices, true, opts), notices };
  }
  const { data, quarantined } = validateStore(file.raw, file.lossy);
  const store = new Store(path, data, notices, true, opts, quarantined.length === 0 ? file.id : undefined);
  if (quarantined.length > 0) {
    // The save re-reads under the lock, quarantines what is bad then and reports it.
    const result = store.save({ rewrite: true });
    if (!result.ok)
      notices.push(
        `The store at ${path} holds ${summarize(quarantined)}; they are skipped and left in the file, which could not be rewritten (${result.error}).`,
      );
  }
  return { store, notices };
}

function moveAside(target: string, at: Date): string {
  const backup = `${target}.corrupt-${stamp(at)}`;
  renameSync(target, backup);
  return backup;
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function inMemory(path: string, notices: string[], why: string): OpenedStore {
  notices.push(`${why} Working in memory; nothing will be saved this session.`);
  const store = new Store(path, emptyStore(), notices, false);
  store.lastError = notices[notices.length - 1];
  store.failure = 'the data directory cannot be used';
  return { store, notices };
}

/** The failure in words a user can act on, with the code for a search. */
export function describe(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied, ${err.code}`;
    case 'EROFS':
      return 'the file system is read-only, EROFS';
    case 'ENOSPC':
      return 'the disk is full, ENOSPC';
    case 'EISDIR':
      return 'a folder stands where the file should be, EISDIR';
    case 'EDQUOT':
      return 'the disk quota is used up, EDQUOT';
    case 'EIO':
      return `the device reported an error, EIO${err.message.startsWith('EIO: ') ? ` (${err.message.slice(5)})` : ''}`;
    case 'EBUSY':
      return err.message.replace(/^EBUSY: /, '');
    case undefined:
      return err?.message ?? String(error);
    default:
      return err.code;
  }
}
