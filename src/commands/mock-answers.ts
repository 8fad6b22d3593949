import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { MockAnswers } from '../engine/drill/mock/report.js';
import { PHASES } from '../engine/drill/mock/phases.js';
import { sanitizeDeep } from '../engine/text/sanitize.js';
import { UserError } from './types.js';

/**
 * Read a headless answers file (YAML or JSON): `phases:` a list, in phase order, of
 * `{ answer: string, seconds: number }`. Any problem is one UserError naming the file and field.
 */
export function readMockAnswers(path: string): MockAnswers {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(
      `mock: --answers ${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  let raw: unknown;
  try {
    raw = sanitizeDeep(parse(text, { maxAliasCount: 100 }));
  } catch (error) {
    throw new UserError(`mock: --answers ${path}: not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const fail = (field: string, message: string): never => {
    throw new UserError(`mock: --answers ${path}: ${field}: ${message}`, 'see gocoffee-drill mock --help');
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    fail('(document)', 'must be a mapping with a phases list');
  const doc = raw as Record<string, unknown>;
  for (const key of Object.keys(doc)) if (key !== 'phases') fail(key, 'unknown field (known: phases)');
  if (!Array.isArray(doc.phases)) fail('phases', 'must be a list of { answer, seconds }, one per phase');
  const list = doc.phases as unknown[];
  if (list.length !== PHASES.length)
    fail(
      'phases',
      `has ${list.length} entr${list.length === 1 ? 'y' : 'ies'}; a mock has ${PHASES.length} phases (${PHASES.map((p) => p.name).join(', ')})`,
    );
  return {
    phases: list.map((entry, i) => {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
        return fail(`phases[${i}]`, 'must be a mapping with answer and seconds');
      const e = entry as Record<string, unknown>;
      for (const key of Object.keys(e))
        if (key !== 'answer' && key !== 'seconds')
          fail(`phases[${i}].${key}`, 'unknown field (known: answer, seconds)');
      if (typeof e.answer !== 'string')
        fail(`phases[${i}].answer`, e.answer === undefined ? 'is required' : 'must be text');
      if (typeof e.seconds !== 'number' || !Number.isFinite(e.seconds) || e.seconds < 0)
        fail(`phases[${i}].seconds`, e.seconds === undefined ? 'is required' : 'must be a number of seconds ≥ 0');
      return { answer: e.answer as string, seconds: e.seconds as number };
    }),
  };
}
