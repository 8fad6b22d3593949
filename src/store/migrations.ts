import { SCHEMA_VERSION } from './shape.js';

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

/**
 * Bring any stored version up to SCHEMA_VERSION. Throws MigrationError for versions we cannot read.
 * The result is not yet checked: validateStore checks it entry by entry.
 */
export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let version = raw.schemaVersion === undefined ? 0 : raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new MigrationError(`schemaVersion is ${JSON.stringify(version)}, not a version number`);
  }
  if (version > SCHEMA_VERSION) {
    throw new MigrationError(
      `schemaVersion ${version} was written by a newer gocoffee-drill (this one reads up to ${SCHEMA_VERSION})`,
    );
  }
  let data = raw;
  while (version < SCHEMA_VERSION) {
    data = steps[version](data);
    version += 1;
  }
  return data;
}
