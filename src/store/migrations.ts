import { SCHEMA_VERSION, type StoreData } from './schema.js';

/**
 * Our own schema versioning (conf's `migrations` option has known bugs, see NOTES.md).
 * Each step takes the data at version N and returns it at version N + 1.
 *
 * Version 0 is the unversioned shape of the earliest builds: no `schemaVersion`, the checklist as
 * an array of ticked ids, and no drafts or settings.
 */
const steps: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  0: (data) => {
    const ticked = Array.isArray(data.checklist) ? data.checklist : [];
    const checklist: Record<string, string> = {};
    // Version 0 did not record when an item was ticked; the epoch marks "before dates were kept".
    for (const id of ticked) if (typeof id === 'string') checklist[id] = new Date(0).toISOString();
    return { ...data, schemaVersion: 1, checklist, drafts: data.drafts ?? {}, settings: data.settings ?? {} };
  },
};

export class MigrationError extends Error {}

/** Bring any stored version up to SCHEMA_VERSION. Throws MigrationError for versions we cannot read. */
export function migrate(raw: Record<string, unknown>): StoreData {
  let version = raw.schemaVersion === undefined ? 0 : raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new MigrationError(`schemaVersion is ${JSON.stringify(version)}, not a version number`);
  }
  if (version > SCHEMA_VERSION) {
    throw new MigrationError(`schemaVersion ${version} was written by a newer gocoffee-drill (this one reads up to ${SCHEMA_VERSION})`);
  }
  let data = raw;
  while (version < SCHEMA_VERSION) {
    data = steps[version](data);
    version += 1;
  }
  return checkShape(data);
}

function checkShape(data: Record<string, unknown>): StoreData {
  const problems: string[] = [];
  if (!Array.isArray(data.attempts ?? [])) problems.push('attempts is not a list');
  if (!Array.isArray(data.reviews ?? [])) problems.push('reviews is not a list');
  for (const key of ['drafts', 'checklist', 'settings']) {
    const value = data[key] ?? {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) problems.push(`${key} is not an object`);
  }
  if (problems.length > 0) throw new MigrationError(problems.join('; '));
  return {
    schemaVersion: SCHEMA_VERSION,
    attempts: (data.attempts ?? []) as StoreData['attempts'],
    reviews: (data.reviews ?? []) as StoreData['reviews'],
    drafts: (data.drafts ?? {}) as StoreData['drafts'],
    checklist: (data.checklist ?? {}) as StoreData['checklist'],
    settings: (data.settings ?? {}) as StoreData['settings'],
  };
}
