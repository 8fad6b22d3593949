import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixedNow = () => new Date('2026-11-24T13:45:06.789Z');
const attempt = (questionId: string, score: number) => ({
  questionId,
  at: '2026-11-24T10:00:00.000Z',
  score,
  totalMs: 1000,
  mode: 'practice',
  steps: [{ answer: 'scale out behind a balancer', score, hit: ['horizontal'], missed: [], hintsUsed: 0, ms: 1000 }],
});
const good = {
  schemaVersion: 1,
  attempts: [attempt('1.1', 70), attempt('1.2', 55)],
  drafts: {},
  checklist: { 'knowledge-scaling': '2026-11-20T00:00:00.000Z' },
  settings: { editor: 'vi' },
};
let deep: unknown = 'bottom';
for (let i = 0; i < 200; i += 1) deep = { a: deep };

const cases: Array<[string, Record<string, unknown>, string[]]> = [
  ['a null attempt', { ...good, attempts: [good.attempts[0], null, good.attempts[1]] }, ['attempts[1]']],
  [
    'an attempt that is a number and one without a score',
    { ...good, attempts: [7, ...good.attempts, { ...attempt('2.1', 0), score: 'high' }] },
    ['attempts[0]', 'attempts[3]: score'],
  ],
  ['"drafts": "oops"', { ...good, drafts: 'oops' }, ['drafts: expected an object']],
  [
    'deeply nested settings',
    { ...good, settings: { editor: 'vi', theme: deep } },
    ['settings.theme: nested more than 6 levels deep'],
  ],
  [
    'a checklist tick that is not a date',
    { ...good, checklist: { ...good.checklist, 'knowledge-caching': { when: 'now' } } },
    ['checklist.knowledge-caching'],
  ],
  [
    'an answer holding an OSC 52 clipboard write',
    {
      ...good,
      attempts: [
        ...good.attempts,
        { ...attempt('3.2', 10), steps: [{ ...attempt('3.2', 10).steps[0], answer: 'ok\u001b]52;c;ZXZpbA==\u0007' }] },
      ],
    },
    ['attempts[2]: holds terminal control characters'],
  ],
  [
    'an answer longer than the bound',
    {
      ...good,
      attempts: [
        ...good.attempts,
        { ...attempt('3.1', 10), steps: [{ ...attempt('3.1', 10).steps[0], answer: 'x'.repeat(200_001) }] },
      ],
    },
    ['attempts[2]: steps[0].answer'],
  ],
];

describe('a store with damaged entries', () => {
  it.each(cases)('%s: the valid entries are kept, the bad ones quarantined and named', (_name, content, wheres) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'store.json'), JSON.stringify(content));
    const { store, notices } = openStore(dir, fixedNow);
    expect(store.data.attempts.map((a) => a.questionId)).toEqual(['1.1', '1.2']);
    expect(store.data.checklist).toEqual(good.checklist);
    expect(store.data.settings.editor).toBe('vi');
    const quarantine = join(dir, 'store.quarantine.jsonl');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`Moved ${wheres.length} unusable entr${wheres.length === 1 ? 'y' : 'ies'}`);
    expect(notices[0]).toContain(quarantine);
    for (const where of wheres) expect(notices[0]).toContain(where);
    const lines = readFileSync(quarantine, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.where)).toEqual(wheres.map((w) => w.split(':')[0]));
    expect(lines[0].quarantinedAt).toBe('2026-11-24T13:45:06.789Z');
    // The store was rewritten without them: the next start is quiet and sees the same data.
    const again = openStore(dir);
    expect(again.notices).toEqual([]);
    expect(again.store.data.attempts).toHaveLength(2);
  });

  it('keeps the quarantined value verbatim', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'store.json'), JSON.stringify({ ...good, drafts: 'oops' }));
    openStore(dir, fixedNow);
    expect(JSON.parse(readFileSync(join(dir, 'store.quarantine.jsonl'), 'utf8'))).toMatchObject({
      where: 'drafts',
      problem: 'expected an object',
      value: 'oops',
    });
  });

  it('invalid UTF-8: the entry holding it is quarantined and the original bytes kept, the rest loads', () => {
    const dir = tempDir();
    const text = JSON.stringify({ ...good, attempts: [...good.attempts, attempt('4.1', 30)] }).replace(
      '"4.1"',
      '"4.1 BAD"',
    );
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('BAD');
    bytes[at] = 0xff; // not UTF-8 anywhere
    bytes[at + 1] = 0xfe;
    bytes[at + 2] = 0x80;
    writeFileSync(join(dir, 'store.json'), bytes);
    const { store, notices } = openStore(dir, fixedNow);
    expect(store.data.attempts.map((a) => a.questionId)).toEqual(['1.1', '1.2']);
    expect(notices[0]).toContain('attempts[2]: holds bytes that are not UTF-8');
    const original = join(dir, 'store.json.not-utf8-2026-11-24T13-45-06-789Z');
    expect(notices[0]).toContain(original);
    expect(readFileSync(original).equals(bytes)).toBe(true);
  });

  it('settings nested 200,000 deep: quarantined, the file kept whole beside it, and saves work again', () => {
    const dir = tempDir();
    const depth = 200_000;
    writeFileSync(
      join(dir, 'store.json'),
      `{"schemaVersion":1,"attempts":[],"settings":{"editor":"vi","x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`,
    );
    const { store, notices } = openStore(dir, fixedNow);
    expect(store.data.settings).toEqual({ editor: 'vi' });
    const original = join(dir, 'store.json.original-2026-11-24T13-45-06-789Z');
    expect(notices[0]).toContain('settings.x: nested more than 6 levels deep');
    expect(notices[0]).toContain(original);
    expect(readFileSync(original, 'utf8').length).toBeGreaterThan(depth * 6);
    expect(JSON.parse(readFileSync(join(dir, 'store.quarantine.jsonl'), 'utf8')).value).toEqual({
      unwritable: `too deep to write here; the file as it was is at ${original}`,
    });
    expect(
      store.update((d) => {
        d.checklist.x = '2026-11-24T00:00:00.000Z';
      }).ok,
    ).toBe(true);
  });

  it('stats --json reads a store with a null attempt without failing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'store.json'), JSON.stringify({ ...good, attempts: [null, ...good.attempts, 'x'] }));
    const { code, stdout, stderr } = await runCli(['stats', '--json', '--data-dir', dir]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).attempts).toBe(2);
    expect(stderr).toContain('Moved 2 unusable entries');
  });
});
