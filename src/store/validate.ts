import * as z from 'zod/mini';
import { fieldMessage, fieldName, issueProblems } from '../engine/schema/issues.js';
import { hasUnsafe } from '../engine/text/sanitize.js';
import { LIMITS, SECTIONS, SettingSchemas, SCHEMA_VERSION, type StoreData } from './schema.js';

/** An entry that could not be used, kept verbatim in the quarantine file. */
export interface QuarantinedEntry {
  /** Where it was: `attempts[3]`, `drafts["1.2"]`, `settings.theme`, or a whole section. */
  where: string;
  problem: string;
  value: unknown;
}

/**
 * Check every entry of a migrated store on its own. Good entries are kept, bad ones are handed
 * back to be quarantined, so one damaged attempt never costs the others (nor the whole file).
 * `lossy` says the file held bytes that were not UTF-8: entries showing the replacement
 * character are quarantined instead of being kept with their text silently changed.
 */
export function validateStore(
  raw: Record<string, unknown>,
  lossy = false,
): { data: StoreData; quarantined: QuarantinedEntry[] } {
  const quarantined: QuarantinedEntry[] = [];
  const out: Record<string, unknown> = { ...raw, schemaVersion: SCHEMA_VERSION };
  const check = (where: string, value: unknown, schema: z.ZodMiniType | undefined): boolean => {
    const problem = problemWith(value, schema, lossy);
    if (problem) quarantined.push({ where, problem, value });
    return problem === undefined;
  };
  for (const [section, spec] of Object.entries(SECTIONS)) {
    const value = raw[section];
    if (spec.kind === 'value') {
      // An optional single entry (the mock in progress): kept when sound, else quarantined.
      if (value === undefined || !check(section, value, spec.entry)) delete out[section];
      continue;
    }
    if (spec.kind === 'list') {
      if (value !== undefined && !Array.isArray(value))
        quarantined.push({ where: section, problem: 'expected a list', value });
      out[section] = Array.isArray(value)
        ? value.filter((entry, i) => check(`${section}[${i}]`, entry, spec.entry))
        : [];
      continue;
    }
    const map: Record<string, unknown> = {};
    if (value !== undefined && !isPlainObject(value))
      quarantined.push({ where: section, problem: 'expected an object', value });
    else if (value !== undefined) {
      for (const [key, entry] of Object.entries(value)) {
        const schema = section === 'settings' ? SettingSchemas[key] : spec.entry;
        if (check(`${section}${keyPath(key)}`, key, keyText) && check(`${section}${keyPath(key)}`, entry, schema))
          define(map, key, entry);
      }
    }
    out[section] = map;
  }
  // Sections a later version added: kept as they are (so a downgrade loses nothing), but bounded.
  for (const [key, value] of Object.entries(raw)) {
    if (key in SECTIONS || key === 'schemaVersion') continue;
    if (!check(key, value, undefined)) delete out[key];
  }
  return { data: out as unknown as StoreData, quarantined };
}

const keyText = z.string().check(z.maxLength(200));

function problemWith(value: unknown, schema: z.ZodMiniType | undefined, lossy: boolean): string | undefined {
  const text = scan(value, LIMITS.depth + 1, lossy);
  if (text.depth > LIMITS.depth) return `nested more than ${LIMITS.depth} levels deep`;
  if (lossy && text.replaced) return 'holds bytes that are not UTF-8 (shown here as U+FFFD)';
  // The app never writes these (typed text is sanitized), so they came from outside; shown on
  // screen they could rewrite the terminal or the clipboard.
  if (text.unsafe) return 'holds terminal control characters';
  if (!schema) return tooLong(value);
  const result = schema.safeParse(value, { error: fieldMessage });
  if (result.success) return undefined;
  const [first] = issueProblems(result.error.issues);
  return `${first.path.length > 0 ? `${fieldName(first.path)}: ` : ''}${first.message}`;
}

/**
 * One walk over an entry: its depth (counted no further than `stop`, as a hostile value may be
 * thousands deep), and whether any key or string holds a character the sanitizer would drop or
 * the U+FFFD that stands for bytes that were not UTF-8.
 */
function scan(value: unknown, stop: number, lossy: boolean): { depth: number; unsafe: boolean; replaced: boolean } {
  const out = { depth: 0, unsafe: false, replaced: false };
  const text = (s: string) => {
    if (hasUnsafe(s)) out.unsafe = true;
    if (lossy && s.includes('\uFFFD')) out.replaced = true;
  };
  const walk = (v: unknown, level: number): void => {
    if (typeof v === 'string') return text(v);
    if (v === null || typeof v !== 'object') return;
    out.depth = Math.max(out.depth, level);
    if (level >= stop) return;
    for (const key of Object.keys(v)) {
      text(key);
      walk((v as Record<string, unknown>)[key], level + 1);
    }
  };
  walk(value, 1);
  return out;
}

function tooLong(value: unknown): string | undefined {
  return JSON.stringify(value).length > LIMITS.string ? `larger than ${LIMITS.string} characters` : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function keyPath(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** A "__proto__" key stays a key (assignment would set the prototype instead). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
