/**
 * Three-way merge of the store, so that several processes (the app in two terminals, a
 * `practice --record` in a script) never undo each other's work.
 *
 * A process keeps `base` (the store as it last read or wrote it) and `current` (base plus its own
 * changes). At save time, under the lock, it re-reads the file and replays only its own changes
 * onto it: lists (attempts) gain the entries it added and lose the ones it removed; maps
 * (checklist ticks, drafts, settings, and any section a later version adds) change only at the
 * keys it changed. Anything else on disk, written by another process meanwhile, is kept.
 */

/** One change a process made since it last saved. */
export type Change =
  | { section: string; kind: 'add' | 'remove'; value: unknown }
  | { section: string; kind: 'set'; key: string; value: unknown }
  | { section: string; kind: 'delete'; key: string }
  | { section: string; kind: 'replace'; value: unknown };

type Json = Record<string, unknown>;

export function diff(base: Json, current: Json): Change[] {
  const changes: Change[] = [];
  for (const section of new Set([...Object.keys(base), ...Object.keys(current)])) {
    const before = base[section];
    const after = current[section];
    if (Array.isArray(before) && Array.isArray(after)) {
      const left = counts(before);
      for (const value of after) {
        const key = fingerprint(value);
        const n = left.get(key) ?? 0;
        if (n > 0) left.set(key, n - 1);
        else changes.push({ section, kind: 'add', value });
      }
      for (const value of before) {
        const key = fingerprint(value);
        const n = left.get(key) ?? 0;
        if (n > 0) {
          left.set(key, n - 1);
          changes.push({ section, kind: 'remove', value });
        }
      }
    } else if (isMap(before) && isMap(after)) {
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (!(key in after)) changes.push({ section, kind: 'delete', key });
        else if (!(key in before) || fingerprint(before[key]) !== fingerprint(after[key])) changes.push({ section, kind: 'set', key, value: after[key] });
      }
    } else if (fingerprint(before) !== fingerprint(after)) {
      changes.push({ section, kind: 'replace', value: after });
    }
  }
  return changes;
}

/** `disk` with `changes` replayed on it (a new object; `disk` is not touched). */
export function apply(disk: Json, changes: Change[]): Json {
  const out: Json = structuredClone(disk);
  for (const change of changes) {
    switch (change.kind) {
      case 'replace':
        if (change.value === undefined) delete out[change.section];
        else out[change.section] = structuredClone(change.value);
        break;
      case 'add':
      case 'remove': {
        if (!Array.isArray(out[change.section])) out[change.section] = [];
        const list = out[change.section] as unknown[];
        const key = fingerprint(change.value);
        // An add is always appended: two processes may record identical attempts (same question,
        // same answers, same millisecond), and both are attempts. A change is replayed only once:
        // after a save that reached the file, `base` includes it.
        if (change.kind === 'add') list.push(structuredClone(change.value));
        const at = change.kind === 'remove' ? list.findIndex((item) => fingerprint(item) === key) : -1;
        if (at >= 0) list.splice(at, 1);
        break;
      }
      case 'set':
      case 'delete': {
        if (!isMap(out[change.section])) out[change.section] = {};
        const map = out[change.section] as Json;
        if (change.kind === 'delete') delete map[change.key];
        else Object.defineProperty(map, change.key, { value: structuredClone(change.value), enumerable: true, writable: true, configurable: true });
        break;
      }
    }
  }
  return out;
}

/** Unsaved changes in words, for the quit message: "1 attempt (1.2), 2 checklist ticks". */
export function describeChanges(changes: Change[]): string[] {
  const out: string[] = [];
  const of = (section: string, kind?: Change['kind']) => changes.filter((c) => c.section === section && (!kind || c.kind === kind));
  const added = of('attempts', 'add').map((c) => ('value' in c ? (c.value as { questionId?: string }).questionId : undefined) ?? '?');
  if (added.length > 0) out.push(`${plural(added.length, 'attempt')} (${added.join(', ')})`);
  const ticks = of('checklist');
  if (ticks.length > 0) out.push(`${plural(ticks.length, 'checklist change')}`);
  const drafts = of('drafts').map((c) => ('key' in c ? c.key : '?'));
  if (drafts.length > 0) out.push(`${drafts.length === 1 ? 'the draft' : 'the drafts'} of ${drafts.join(', ')}`);
  const known = new Set(['attempts', 'checklist', 'drafts', 'schemaVersion']);
  const rest = [...new Set(changes.filter((c) => !known.has(c.section)).map((c) => c.section))];
  if (rest.length > 0) out.push(`changes to ${rest.join(', ')}`);
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function counts(values: unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const value of values) out.set(fingerprint(value), (out.get(fingerprint(value)) ?? 0) + 1);
  return out;
}

function fingerprint(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function isMap(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
