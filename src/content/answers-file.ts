import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { AnswerEntry } from '../engine/drill/headless.js';
import { sanitizeDeep } from '../engine/text/sanitize.js';
import { UserError } from '../errors.js';

/**
 * Read `--answers FILE`: YAML or JSON (JSON is YAML), either a list or a map whose `answers` key
 * holds one; each entry text, a number or null. Problems are one line naming the file.
 */
export function readAnswersFile(path: string): AnswerEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(
      `--answers ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  let data: unknown;
  try {
    data = sanitizeDeep(parse(text, { maxAliasCount: 100 }));
  } catch (error) {
    throw new UserError(`--answers ${path}: not YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const list = Array.isArray(data)
    ? data
    : data !== null && typeof data === 'object' && 'answers' in data
      ? (data as { answers: unknown }).answers
      : undefined;
  if (!Array.isArray(list))
    throw new UserError(`--answers ${path}: must be a list of answers, or a map with an answers: list`);
  return list.map((entry, i) => {
    if (entry === null || typeof entry === 'string' || (typeof entry === 'number' && Number.isFinite(entry)))
      return entry;
    throw new UserError(`--answers ${path}: entry ${i + 1} must be text, a number or null`);
  });
}
