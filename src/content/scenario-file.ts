import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { AvailabilityScenario, Scenario } from '../engine/sim/scenario.js';
import type { DynamicScenario } from '../engine/sim/dynamics.js';
import { validateExpect, type Expect } from '../engine/sim/expect.js';
import { validateScenario, type ScenarioProblem } from '../engine/sim/validate.js';
import { sanitizeDeep } from '../engine/text/sanitize.js';
import { UserError } from '../errors.js';
import { builtinQuestionsDir } from './paths.js';

/** The ids of the built-in scenarios (questions/scenarios/*.yaml). */
export function builtinScenarioIds(): string[] {
  const dir = join(builtinQuestionsDir(), 'scenarios');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => f.replace(/\.(ya?ml|json)$/, '')).sort() : [];
}

/**
 * Load a scenario from a .yaml/.json file or a built-in id. Problems become one UserError whose
 * message has a `path: field: message (line N)` line per problem.
 */
export function loadScenario(ref: string): { scenario: Scenario | AvailabilityScenario | DynamicScenario; path: string; expect?: Expect } {
  const path = existsSync(ref) ? ref : builtinPath(ref);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new UserError(`${path}: ${e.message.split('\n')[0]} (line ${lineCounter.linePos(e.pos[0]).line})`);
  }
  let raw: unknown;
  try {
    raw = sanitizeDeep(doc.toJS({ maxAliasCount: 100 }));
  } catch (error) {
    throw new UserError(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  // `expect` (claims about the run, checked by `questions validate`) is read apart from the model's fields.
  const { expect: rawExpect, ...fields } = isMapping(raw) ? raw : { expect: undefined };
  const { scenario, problems: modelProblems } = validateScenario(isMapping(raw) ? fields : raw);
  const claims = validateExpect(rawExpect, isMapping(raw) && raw.kind === 'availability' ? 'availability' : 'requests');
  const problems: ScenarioProblem[] = [...modelProblems, ...claims.problems];
  if (!scenario || problems.length > 0) {
    const lines = problems.map((p) => {
      const node = doc.getIn(p.field.split(/\.|\[|\]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k)), true) as { range?: [number] } | undefined;
      const line = node?.range ? ` (line ${lineCounter.linePos(node.range[0]).line})` : '';
      return `${path}: ${p.field || '(document)'}: ${p.message}${line}`;
    });
    throw new UserError(lines.join('\n'));
  }
  return { scenario, path, expect: claims.expect };
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function builtinPath(id: string): string {
  const dir = join(builtinQuestionsDir(), 'scenarios');
  for (const ext of ['yaml', 'yml', 'json']) {
    const candidate = join(dir, `${id}.${ext}`);
    if (existsSync(candidate)) return candidate;
  }
  const known = builtinScenarioIds();
  throw new UserError(`no scenario file or built-in scenario named ${id}`, `built-in: ${known.join(', ')}`);
}
