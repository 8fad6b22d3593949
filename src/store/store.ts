import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import { emptyStore, type StoreData } from './schema.js';
import { MigrationError, migrate } from './migrations.js';

export type WriteResult = { ok: true } | { ok: false; error: string };

type ConfClass = typeof Conf;
let ConfLoaded: ConfClass | undefined;
let confLoading: Promise<ConfClass> | undefined;

/**
 * conf (with ajv) takes ~40 ms to import, a fifth of the app's start-up. Reading the store needs
 * only JSON.parse, so conf is imported when writing needs it: commands that write call this first;
 * the interactive app starts it after its first frame and writes queue until it is there.
 */
export function loadStoreWriter(): Promise<ConfClass> {
  confLoading ??= import('conf').then((module) => (ConfLoaded = module.default));
  return confLoading;
}

/**
 * The user's data, held in memory and written through conf (atomic temp + rename) on every
 * change. A failed write is reported and the in-memory state kept, so nothing typed is lost
 * while the app runs; the next successful write persists everything.
 */
export class Store {
  /** The last write error, until a write succeeds. */
  lastError: string | undefined;

  private conf: Conf<Record<string, unknown>> | undefined;
  private pending: Promise<void> | undefined;

  constructor(
    readonly path: string,
    readonly data: StoreData,
    /** Makes the writer; undefined when the data directory cannot be used at all. */
    private readonly makeConf: ((Class: ConfClass) => Conf<Record<string, unknown>>) | undefined,
  ) {}

  /** Change the data and persist it (at once, or as soon as the writer has loaded). */
  update(mutate: (data: StoreData) => void): WriteResult {
    mutate(this.data);
    if (this.makeConf && !ConfLoaded) {
      this.pending ??= loadStoreWriter().then(() => {
        this.pending = undefined;
        this.flush();
      });
      return { ok: true };
    }
    return this.flush();
  }

  /** Resolves when every queued write has been attempted (await before the process exits). */
  async settled(): Promise<void> {
    await this.pending;
  }

  flush(): WriteResult {
    try {
      if (!this.makeConf) throw new Error(this.lastError ?? 'the data directory could not be opened');
      if (!ConfLoaded) throw new Error('the store writer has not loaded');
      this.conf ??= this.makeConf(ConfLoaded);
      this.conf.store = this.data as unknown as Record<string, unknown>;
      this.lastError = undefined;
      return { ok: true };
    } catch (error) {
      this.lastError = `could not save to ${this.path}: ${describe(error)}; your changes are kept in memory`;
      return { ok: false, error: this.lastError };
    }
  }
}

export interface OpenedStore {
  store: Store;
  /** Things the user must be told (a backup made, a read-only directory). */
  notices: string[];
}

/** Open (or create) the store under dataDir. Never throws for a bad file: it is moved aside. */
export function openStore(dataDir: string, now: () => Date = () => new Date()): OpenedStore {
  const notices: string[] = [];
  const path = join(dataDir, 'store.json');
  let data: StoreData;
  try {
    data = readData(path);
  } catch (error) {
    if (!(error instanceof BadStoreError)) return inMemory(path, notices, `The data directory ${dataDir} cannot be read (${describe(error)}).`);
    const backup = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(path, backup);
    } catch (moveError) {
      return inMemory(path, notices, `The store at ${path} could not be read (${error.message}) nor moved aside (${describe(moveError)}).`);
    }
    notices.push(`The store at ${path} could not be read (${error.message}). It was moved to ${backup} and a fresh store started.`);
    data = emptyStore();
  }
  const makeConf = (Class: ConfClass) => new Class<Record<string, unknown>>({ cwd: dataDir, configName: 'store', clearInvalidConfig: false });
  return { store: new Store(path, data, makeConf), notices };
}

class BadStoreError extends Error {}

function readData(path: string): StoreData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyStore();
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BadStoreError(text.trim() === '' ? 'the file is empty' : 'not valid JSON');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new BadStoreError('not a JSON object');
  try {
    return migrate(raw as Record<string, unknown>);
  } catch (error) {
    if (error instanceof MigrationError) throw new BadStoreError(error.message);
    throw error;
  }
}

function inMemory(path: string, notices: string[], why: string, data = emptyStore()): OpenedStore {
  notices.push(`${why} Working in memory; nothing will be saved this session.`);
  const store = new Store(path, data, undefined);
  store.lastError = notices[notices.length - 1];
  return { store, notices };
}

function describe(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err?.code === 'EACCES' || err?.code === 'EPERM' || err?.code === 'EROFS') return `permission denied, ${err.code}`;
  if (err?.code === 'ENOSPC') return 'the disk is full, ENOSPC';
  if (err?.code) return err.code;
  return err?.message ?? String(error);
}
