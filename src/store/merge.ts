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

/**
 * What a process last read or wrote, kept as one JSON fingerprint per entry rather than as a copy:
 * comparing against it costs one serialisation of the live data, and nothing the screens mutate in
 * place can reach it.
 */
export type Prints = Record<string, string | string[] | Record<string, string>>;

export function printsOf(data: Json): Prints {
  return changesSince({}, data).prints;
}

/** This process's changes since `base`, and the fingerprints of `current` (the next base once saved). */
export function changesSince(base: Prints, current: Json): { changes: Change[]; prints: Prints } {
  const changes: Change[] = [];
  const prints: Prints = {};
  for (const section of new Set([...Object.keys(base), ...Object.keys(current)])) {
    const before = base[section];
    const after = current[section];
    if (Array.isArray(after)) {
      const now = after.map(fingerprint);
      prints[section] = now;
      if (!Array.isArray(before)) {
        if (before !== undefined || after.length > 0) changes.push({ section, kind: 'replace', value: after });
        continue;
      }
      const left = new Map<string, number>();
      for (const key of before) left.set(key, (left.get(key) ?? 0) + 1);
      now.forEach((key, i) => {
        const n = left.get(key) ?? 0;
        if (n > 0) left.set(key, n - 1);
        else changes.push({ section, kind: 'add', value: after[i] });
      });
      for (const [key, n] of left)
        for (let i = 0; i < n; i += 1) changes.push({ section, kind: 'remove', value: JSON.parse(key) });
    } else if (isMap(after)) {
      const now: Record<string, string> = {};
      for (const key of Object.keys(after)) define(now, key, fingerprint(after[key]));
      prints[section] = now;
      if (!isPrintMap(before)) {
        if (before !== undefined || Object.keys(after).length > 0)
          changes.push({ section, kind: 'replace', value: after });
        continue;
      }
      for (const key of new Set([...Object.keys(before), ...Object.keys(now)])) {
        if (!Object.hasOwn(now, key)) changes.push({ section, kind: 'delete', key });
        else if (before[key] !== now[key]) changes.push({ section, kind: 'set', key, value: after[key] });
      }
    } else {
      const now = fingerprint(after);
      if (after !== undefined) prints[section] = now;
      if (before !== now && !(before === undefined && after === undefined))
        changes.push({ section, kind: 'replace', value: after });
    }
  }
  return { changes, prints };
}

/** The changes from `base` to `current` (both plain data). */
export function diff(base: Json, current: Json): Change[] {
  return changesSince(printsOf(base), current).changes;
}

/**
 * `disk` with `changes` replayed on it. `disk` is not touched: each section a change reaches is
 * copied (shallowly) first.
 */
export function apply(disk: Json, changes: Change[]): Json {
  const out: Json = { ...disk };
  const copied = new Set<string>();
  const section = <T>(name: string, make: (value: unknown) => T): T => {
    if (!copied.has(name)) {
      out[name] = make(out[name]);
      copied.add(name);
    }
    return out[name] as T;
  };
  for (const change of changes) {
    switch (change.kind) {
      case 'replace':
        if (change.value === undefined) delete out[change.section];
        else out[change.section] = change.value;
        copied.add(change.section);
        break;
      case 'add':
      case 'remove': {
        const list = section<unknown[]>(change.section, (v) => (Array.isArray(v) ? v.slice() : []));
        // An add is always appended: two processes may record identical attempts (same question,
        // same answers, same millisecond), and both are attempts. A change is replayed only once:
        // after a save that reached the file, the base includes it.
        if (change.kind === 'add') list.push(change.value);
        const key = change.kind === 'remove' ? fingerprint(change.value) : '';
        const at = change.kind === 'remove' ? list.findIndex((item) => fingerprint(item) === key) : -1;
        if (at >= 0) list.splice(at, 1);
        break;
      }
      case 'set':
      case 'delete': {
        const map = section<Json>(change.section, (v) => (isMap(v) ? copyMap(v) : {}));
        if (change.kind === 'delete') delete map[change.key];
        else define(map, change.key, change.value);
        break;
      }
    }
  }
  return out;
}

/** Unsaved changes in words, for the quit message: "1 attempt (1.2), 2 checklist ticks". */
export function describeChanges(changes: Change[]): string[] {
  const out: string[] = [];
  const of = (section: string, kind?: Change['kind']) =>
    changes.filter((c) => c.section === section && (!kind || c.kind === kind));
  const added = of('attempts', 'add').map(
    (c) => ('value' in c ? (c.value as { questionId?: string }).questionId : undefined) ?? '?',
  );
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

/** A "__proto__" key stays a key (assignment would set the prototype instead). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function copyMap(map: Json): Json {
  const out: Json = {};
  for (const key of Object.keys(map)) define(out, key, map[key]);
  return out;
}

function isPrintMap(value: unknown): value is Record<string, string> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fingerprint(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function isMap(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
