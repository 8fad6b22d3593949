import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAnswersFile } from '../../../src/content/answers-file.js';
import { loadQuestionBank } from '../../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../../src/content/paths.js';
import { answerAll } from '../../../src/engine/drill/headless.js';

/**
 * Answers of six kinds to every framework question, scored through the same path as
 * `practice --answers`. The bands are the issue's; the answers were written as candidates would,
 * and a corpus written by other people can be run against the same bands (GOCOFFEE_ANSWERS_DIR).
 */
const DIR = process.env.GOCOFFEE_ANSWERS_DIR ?? fileURLToPath(new URL('../../fixtures/answers', import.meta.url));
const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });
const frameworks = bank.questions.filter((q) => q.kind === 'framework');

type Kind = 'strong' | 'terse' | 'list' | 'wrong' | 'echo' | 'kitchen-sink';
const BANDS: Array<[Kind, number, number]> = [
  ['strong', 70, 100],
  ['terse', 45, 100],
  ['list', 0, 30],
  ['wrong', 0, 35],
  ['echo', 0, 15],
  ['kitchen-sink', 0, 35],
];

/** Other names a corpus written elsewhere may give the same kinds, and JSON as well as YAML. */
const ALIASES: Record<Kind, string[]> = {
  strong: ['strong'],
  terse: ['terse', 'terse-correct'],
  list: ['list', 'keyword-list', 'keywords'],
  wrong: ['wrong', 'fluent-wrong', 'fluent-but-wrong'],
  echo: ['echo', 'prompt-echo'],
  'kitchen-sink': ['kitchen-sink', 'kitchensink', 'sink'],
};

function fileFor(id: string, kind: Kind): string | undefined {
  return ALIASES[kind]
    .flatMap((name) => ['yaml', 'yml', 'json'].map((ext) => join(DIR, id, `${name}.${ext}`)))
    .find((path) => existsSync(path));
}

function score(id: string, kind: Kind): number {
  const question = frameworks.find((q) => q.id === id)!;
  const result = answerAll(question, readAnswersFile(fileFor(id, kind)!), 0);
  if (!result.ok) throw new Error(result.error);
  return result.state.overall;
}

const ids = frameworks.map((q) => q.id).filter((id) => existsSync(join(DIR, id)));
const present = (id: string, kind: Kind) => fileFor(id, kind) !== undefined;

describe('calibration corpus', () => {
  it('covers every framework question of the bank (the four seed questions and every fw-*)', () => {
    expect(frameworks.length).toBeGreaterThanOrEqual(8);
    if (process.env.GOCOFFEE_ANSWERS_DIR) return;
    expect(
      readdirSync(DIR)
        .filter((name) => !name.includes('.'))
        .sort(),
    ).toEqual(frameworks.map((q) => q.id).sort());
  });

  const cases = ids.flatMap((id) =>
    BANDS.filter(([kind]) => present(id, kind) || !process.env.GOCOFFEE_ANSWERS_DIR).map(
      ([kind, low, high]) => [id, kind, low, high] as const,
    ),
  );
  it.each(cases)('%s %s scores within [%i, %i]', (id, kind, low, high) => {
    const s = score(id, kind);
    expect(s).toBeGreaterThanOrEqual(low);
    expect(s).toBeLessThanOrEqual(high);
  });

  it.each(ids)('%s: wrong is at least 35 below strong, and strong and terse beat every other kind', (id) => {
    const s = Object.fromEntries(
      BANDS.filter(([kind]) => present(id, kind)).map(([kind]) => [kind, score(id, kind)]),
    ) as Partial<Record<Kind, number>>;
    if (s.strong !== undefined && s.wrong !== undefined) expect(s.strong - s.wrong).toBeGreaterThanOrEqual(35);
    const worstGood = Math.min(s.strong ?? 100, s.terse ?? 100);
    for (const kind of ['list', 'wrong', 'echo', 'kitchen-sink'] as const)
      if (s[kind] !== undefined) expect(worstGood, `${kind} ${s[kind]}`).toBeGreaterThan(s[kind]);
  });
});

/**
 * More answers of the same kinds in other voices (bullets, headings, colons, other words for the same
 * wrong ideas), written while checking that the signals generalise; each must fall in its kind's band.
 */
const OTHER = fileURLToPath(new URL('../../fixtures/answers-other-voices', import.meta.url));
describe('answers in other voices', () => {
  const files = readdirSync(OTHER).flatMap((id) => readdirSync(join(OTHER, id)).map((name) => [id, name] as const));
  it('there are some for every seed question', () => {
    for (const id of ['q1-1-scale-gateway', 'q1-2-uptime-9999', 'q1-3-inventory-consistency', 'q1-4-p95-latency'])
      expect(files.some(([q]) => q === id)).toBe(true);
  });
  it.each(files)("%s %s scores within its kind's band", (id, name) => {
    const [, low, high] = BANDS.find(([kind]) => name.replace(/-\d+\.yaml$/, '') === kind)!;
    const question = frameworks.find((q) => q.id === id)!;
    const result = answerAll(question, readAnswersFile(join(OTHER, id, name)), 0);
    if (!result.ok) throw new Error(result.error);
    expect(result.state.overall).toBeGreaterThanOrEqual(low);
    expect(result.state.overall).toBeLessThanOrEqual(high);
  });
});
