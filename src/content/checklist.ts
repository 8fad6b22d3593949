import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sanitizeDeep } from '../engine/text/sanitize.js';
import type { Checklist } from '../engine/checklist/types.js';
import { ChecklistError, checklistFromData } from './checklist-data.js';

export { ChecklistError };

/** Read and validate a questions directory's checklist.yaml. */
export function loadChecklist(questionsDir: string): Checklist {
  const path = join(questionsDir, 'checklist.yaml');
  let raw: unknown;
  try {
    raw = sanitizeDeep(parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new ChecklistError(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  return checklistFromData(raw, path);
}
