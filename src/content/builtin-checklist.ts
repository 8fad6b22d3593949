import { join } from 'node:path';
import { sanitizeDeep } from '../engine/text/sanitize.js';
import type { Checklist } from '../engine/checklist/types.js';
import { checklistFromData } from './checklist-data.js';
import { builtinQuestionsDir } from './paths.js';

/** questions/checklist.yaml as data, converted when the bundle is built (scripts/build.mjs). */
declare const __GOCOFFEE_CHECKLIST__: unknown;

/**
 * Run from sources (tests) there is no bundle: read the YAML itself. In the bundle this branch is
 * never taken, so the YAML parser stays off the home screen's path (it cost more than Ink's layout).
 */
const fromSources = typeof __GOCOFFEE_CHECKLIST__ === 'undefined' ? await import('./checklist.js') : undefined;

/** The built-in checklist, validated and sanitized like any file. */
export function loadBuiltinChecklist(): Checklist {
  if (fromSources) return fromSources.loadChecklist(builtinQuestionsDir());
  return checklistFromData(sanitizeDeep(__GOCOFFEE_CHECKLIST__), join(builtinQuestionsDir(), 'checklist.yaml'));
}
