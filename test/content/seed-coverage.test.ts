import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../src/content/paths.js';

const seed = readFileSync(new URL('../fixtures/system-design-fundamentals.md', import.meta.url), 'utf8');
const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[`*"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** Everything a user can read in the bank, as one searchable text. */
const allText = norm(
  JSON.stringify(bank.questions.map((q) => [q.title, q.prompt, q.output, q.code?.source, q.steps, q.body]))
    .replace(/\\n/g, ' ')
    .replace(/\\"/g, '"'),
);

/** The bold terms of every "### Core Concepts" section (lines like "- **Round Robin**: …"). */
function coreConcepts(): string[] {
  const terms: string[] = [];
  for (const section of seed.split('### Core Concepts').slice(1)) {
    const body = section.split(/\n### /)[0];
    for (const match of body.matchAll(/^- \*\*(.+?)\*\*/gm)) terms.push(match[1]);
  }
  return terms;
}

/** Each practice question: its quoted text and its numbered framework steps. */
function practiceQuestions(): Array<{ number: string; text: string; steps: string[] }> {
  return [
    ...seed.matchAll(/### .*?Practice Question (\d\.\d)\n\*\*"(.+?)"\*\*\n\n\*\*.+?\*\*\n((?:\d\. .+\n?)+)/g),
  ].map((m) => ({
    number: m[1],
    text: m[2],
    steps: m[3]
      .trim()
      .split('\n')
      .map((line) => line.replace(/^\d\. /, '').replace(/\*\*/g, '')),
  }));
}

/** A distinctive line from each Go code block of the seed. */
function codeExcerpts(): string[] {
  return [...seed.matchAll(/(?:````|```)go\n([\s\S]*?)(?:````|```)/g)].map((m) => {
    const lines = m[1]
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 25 && !l.startsWith('//'));
    return lines[0];
  });
}

describe('every part of the seed is reachable in the bank', () => {
  it('loads with no problems', () => {
    expect(bank.problems).toEqual([]);
  });

  const concepts = coreConcepts();
  it("finds the seed's core concepts", () => {
    // 1.1: 2 + 4 + 4, 1.2: 4 + 4 + 4, 1.3: 4 + 4 + 3, 1.4: 3 + 4 + 4
    expect(concepts).toHaveLength(44);
  });
  it.each(concepts)('concept "%s" is in a drill', (term) => {
    expect(allText).toContain(norm(term));
  });

  const practice = practiceQuestions();
  it('finds the four practice questions', () => {
    expect(practice.map((p) => p.number)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(practice.map((p) => p.steps.length)).toEqual([4, 5, 3, 6]);
  });
  it.each(practice)(
    'practice question $number is a framework question with its steps, word for word and in order',
    ({ text, steps }) => {
      const question = bank.questions.find((q) => q.kind === 'framework' && norm(q.prompt).includes(norm(text)));
      expect(question, `no framework question asks: ${text}`).toBeDefined();
      expect(question!.steps.map((s) => s.title)).toEqual(steps);
    },
  );

  const excerpts = codeExcerpts();
  it("finds the seed's ten Go code blocks", () => {
    expect(excerpts).toHaveLength(10);
  });
  it.each(excerpts)('code line "%s" is shown in a code drill', (line) => {
    const shown = bank.questions.filter((q) => q.kind === 'code').map((q) => `${q.code?.source}\n${q.body.context}`);
    expect(shown.some((text) => text.split('\n').some((l) => l.trim() === line))).toBe(true);
  });

  it.each([
    'hey -n 1000 -c 10',
    'docker stats',
    'htop',
    'kafka-consumer-groups.sh',
    'pg_stat_activity',
    'redis-cli info stats',
    'mkdir -p pkg/resilience',
    'go install github.com/rakyll/hey@latest',
  ])('hands-on command "%s" appears in a drill', (command) => {
    expect(allText).toContain(norm(command));
  });

  it('every kind of drill the issue asks for is there', () => {
    const count = (kind: string) => bank.questions.filter((q) => q.kind === kind).length;
    expect(count('framework')).toBeGreaterThanOrEqual(8);
    expect(count('code')).toBeGreaterThanOrEqual(9);
    expect(count('output')).toBeGreaterThanOrEqual(2);
    expect(count('concept')).toBeGreaterThanOrEqual(8);
  });

  it('ids are unique and each file sits at questions/<topic>/<id>.md', () => {
    expect(new Set(bank.questions.map((q) => q.id)).size).toBe(bank.questions.length);
    for (const q of bank.questions) expect(q.origin.endsWith(`/${q.topic}/${q.id}.md`)).toBe(true);
  });
});
