import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldName, loadQuestionBank, validateQuestionDir } from '../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { questionFile } from '../helpers/question-file.js';
import { tempDir } from '../helpers/temp-dir.js';

function pack(files: Record<string, string>): string {
  const dir = tempDir('gcd-pack-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const builtinDir = builtinQuestionsDir();

describe('loading questions', () => {
  it('loads a valid file with defaults applied and the body split', () => {
    const dir = pack({ 'scalability/t1.md': questionFile('t1') });
    const { questions, problems } = validateQuestionDir(dir, builtinDir);
    expect(problems).toEqual([]);
    expect(questions).toHaveLength(1);
    const [q] = questions;
    expect(q.steps[0].form).toBe('text');
    expect(q.steps[0].rubric[1]).toEqual({ concept: 'load balancer', synonyms: [], weight: 1 });
    expect(q.body).toEqual({
      context: 'Why it matters.',
      modelAnswer: 'The answer.',
      followUps: '- And then?',
      rest: '',
    });
    expect(q.files).toEqual([]);
  });

  it.each([
    ['malformed YAML', questionFile('t2', 'title: [unclosed\n'), 10, '', /YAML/],
    ['an unknown field', questionFile('t3', 'colour: blue\n'), 10, 'colour', /unknown field/],
    ['a wrong type', questionFile('t4').replace('minutes: 5', 'minutes: soon'), 7, 'minutes', /whole number/],
    [
      'a bad checklist link',
      questionFile('t5').replace('[knowledge-scaling]', '[knowledge-scaling, no-such-item]'),
      8,
      'checklist[1]',
      /not an item of questions\/checklist.yaml/,
    ],
    [
      'a bad rubric weight',
      questionFile('t6').replace('weight: 2', 'weight: -1'),
      17,
      'steps[0].rubric[0].weight',
      /positive number/,
    ],
    ['a bad id', questionFile('Bad_ID'), 2, 'id', /kebab-case/],
    ['no front matter', '# just markdown\n', 1, '', /front matter/],
    [
      'a choice step without choices',
      questionFile('t7').replace(
        '  - title: Choose scaling strategy',
        '  - title: Pick\n    form: choice\n    answer: 0\n    model: M\n  - title: Choose scaling strategy',
      ),
      11,
      'steps[0].choices',
      /is required/,
    ],
  ])('reports %s by path, line and field, and still loads the rest', (_name, text, line, field, message) => {
    const dir = pack({ 'a/good.md': questionFile('good'), 'b/bad.md': text });
    const { questions, problems } = loadQuestionBank({ builtinDir, extraDirs: [dir] });
    const mine = problems.filter((p) => p.path.startsWith(dir));
    // A YAML syntax error may be reported at more than one place; every other problem once.
    if (field !== '') expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ path: join(dir, 'b/bad.md'), line, field });
    expect(mine[0].message).toMatch(message);
    expect(questions.map((q) => q.id)).toContain('good');
  });

  it.each([
    // 9^5 expansions: yaml refuses while converting, after parsing succeeded.
    [
      'alias expansion (billion laughs)',
      'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
      2,
      '',
      /resource exhaustion/,
    ],
    ['a __proto__ key', '__proto__: {polluted: 1}\n', 2, '__proto__', /unknown field/],
  ])('reports %s in a pack without crashing, and loads the rest', (_name, yamlText, line, field, message) => {
    const dir = pack({ 'a/good.md': questionFile('good'), 'b/bad.md': `---\n${yamlText}---\n` });
    const { questions, problems } = validateQuestionDir(dir, builtinDir);
    expect(problems.find((p) => p.field === field)).toMatchObject({ path: join(dir, 'b/bad.md'), line, field });
    expect(problems.find((p) => p.field === field)?.message).toMatch(message);
    expect(questions.map((q) => q.id)).toEqual(['good']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sanitizes escape sequences, OSC 52 and bidi overrides in a pack', () => {
    const evil = questionFile('evil').replace(
      'How would you scale it?',
      '"How \\e[2J\\e]52;c;ZXZpbA==\\a would you \\u202Escale it?"',
    );
    const dir = pack({ 'x/evil.md': evil.replace('The answer.', 'The \u001b[31manswer\u0007.') });
    const { questions, problems } = validateQuestionDir(dir, builtinDir);
    expect(problems).toEqual([]);
    expect(questions[0].prompt).toBe('How [2J]52;c;ZXZpbA== would you scale it?');
    expect(questions[0].body.modelAnswer).toBe('The [31manswer.');
    expect(JSON.stringify(questions)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('a pack may not reuse an id from the built-in bank or another file', () => {
    const dir = pack({ 'a/one.md': questionFile('dup'), 'b/two.md': questionFile('dup') });
    const { questions, problems } = validateQuestionDir(dir, builtinDir);
    expect(questions).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: join(dir, 'b/two.md'), field: 'id', line: 2 });
    expect(problems[0].message).toContain('already used by');
  });

  it('a missing pack directory is a problem, not a crash', () => {
    const { problems } = loadQuestionBank({ builtinDir, extraDirs: ['/no/such/dir'] });
    expect(problems).toContainEqual({
      path: '/no/such/dir',
      line: 0,
      field: '',
      message: 'cannot read the directory (ENOENT)',
    });
  });

  it.each([
    [['steps', 2, 'rubric', 0, 'weight'], 'steps[2].rubric[0].weight'],
    [['id'], 'id'],
    [[], ''],
  ])('names field %j as %s', (path, name) => {
    expect(fieldName(path)).toBe(name);
  });
});

describe('text lists', () => {
  it('numbers in a list of choices or synonyms are read as text', () => {
    const file = questionFile('nums').replace('synonyms: [scale out]', 'synonyms: [503, 0.25]');
    const { questions, problems } = validateQuestionDir(pack({ 'n.md': file }), builtinDir);
    expect(problems).toEqual([]);
    expect(questions[0].steps[0].rubric[0].synonyms).toEqual(['503', '0.25']);
  });
});
