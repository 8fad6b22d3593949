import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { AWKWARD_ANSWERS, writeHistoryStore } from '../helpers/history-store.js';

/** An RFC 4180 reader written for the test, independent of the exporter: fields, quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  expect(field).toBe(''); // the file ends with a line end
  return rows;
}

describe('export and import', () => {
  it('an export imported twice into another data dir gives identical stats, and the second import adds nothing', async () => {
    const from = tempDir();
    const into = tempDir();
    writeHistoryStore(from);
    const file = join(tempDir(), 'export.json');
    const exported = await runCli(['export', '--out', file, '--data-dir', from]);
    expect(exported).toMatchObject({ code: 0, stdout: '' });

    const first = await runCli(['import', file, '--data-dir', into, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ added: { attempts: 3, reviews: 1, checklist: 2 }, skipped: [] });
    const second = await runCli(['import', file, '--data-dir', into]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing new');
    expect(second.stdout).toContain('Skipped, already here (same id): 3 attempts, 1 step reviews, 2 checklist ticks.');

    const statsFrom = await runCli(['stats', '--json', '--data-dir', from]);
    const statsInto = await runCli(['stats', '--json', '--data-dir', into]);
    expect(statsInto.stdout).toBe(statsFrom.stdout);
    expect(JSON.parse(statsInto.stdout).attempts).toBe(3);
    const reviewFrom = JSON.parse((await runCli(['review', '--json', '--data-dir', from])).stdout);
    const reviewInto = JSON.parse((await runCli(['review', '--json', '--data-dir', into])).stdout);
    expect(reviewInto.cards.map((c: { id: string; due: string }) => [c.id, c.due])).toEqual(
      reviewFrom.cards.map((c: { id: string; due: string }) => [c.id, c.due]),
    );
  });

  it('csv: one row per graded step, every answer back whole through a strict reader', async () => {
    const dir = tempDir();
    writeHistoryStore(dir);
    const { code, stdout } = await runCli(['export', '--format', 'csv', '--data-dir', dir]);
    expect(code).toBe(0);
    const rows = parseCsv(stdout);
    const header = rows[0];
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    // 4 + 3 graded steps in attempts (the CAP cards are self-rated) + 1 step review.
    expect(rows.length - 1).toBe(8);
    const answers = rows.slice(1).map((r) => r[header.indexOf('answer')]);
    for (const answer of AWKWARD_ANSWERS) expect(answers).toContain(answer);
    const first = rows[1];
    expect([
      first[header.indexOf('question_id')],
      first[header.indexOf('step')],
      first[header.indexOf('score')],
      first[header.indexOf('seconds')],
    ]).toEqual(['q1-1-scale-gateway', '1', '70', '61']);
  });

  it('md: a study log whose fenced answers cannot be closed by backticks inside them', async () => {
    const dir = tempDir();
    writeHistoryStore(dir);
    const { code, stdout } = await runCli(['export', '--format', 'md', '--data-dir', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# gocoffee-drill study log\n/);
    expect(stdout).toContain('## 2026-11-01 10:00 · Scale the API gateway at 1000 req/s — 50/100');
    expect(stdout).toContain('checklist 2/20');
    // The answer holds a run of three backticks: its fence has four.
    expect(stdout).toContain('````text\n- cache the menu in Redis ``` with a "TTL", then ```\n````');
  });

  it.each([
    ['not JSON', '{ "attempts": [', /not valid JSON/],
    ["another program's JSON", '{ "format": "anki", "data": {} }', /format is "anki", not gocoffee-drill-export/],
    [
      'a newer export',
      '{ "format": "gocoffee-drill-export", "version": 9, "data": {} }',
      /version 9 is not one this build reads/,
    ],
    ['a list', '[1, 2]', /not a JSON object/],
  ])('import refuses %s with one line and exit 2, storing nothing', async (_name, text, message) => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, text);
    const dir = tempDir();
    const { code, stdout, stderr } = await runCli(['import', file, '--data-dir', dir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(() => readFileSync(join(dir, 'store.json'))).toThrow();
  });

  it('import skips invalid entries, says which and why, and keeps the rest', async () => {
    const file = join(tempDir(), 'mixed.json');
    const good = {
      questionId: 'q1-1-scale-gateway',
      at: '2026-11-01T10:00:00.000Z',
      score: 80,
      mode: 'practice',
      totalMs: 1,
      steps: [{ answer: 'a', score: 80, hit: [], missed: [], hintsUsed: 0, ms: 1 }],
    };
    const data = {
      attempts: [good, { ...good, at: '2026-11-02T10:00:00.000Z', score: 140 }, { ...good, at: 'yesterday' }, good],
      settings: { editor: 'vim' },
    };
    writeFileSync(file, JSON.stringify({ format: 'gocoffee-drill-export', version: 1, data }));
    const { code, stdout } = await runCli(['import', file, '--data-dir', tempDir()]);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      `Imported from ${file}: 1 attempts.`,
      'Skipped, already here (same id): 1 attempts.',
      'Skipped attempts[1]: score is 140, not 0–100.',
      'Skipped attempts[2]: at is not an ISO date.',
      "Skipped settings: settings belong to a machine: this one's are kept.",
      '',
    ]);
  });

  it.each([
    [['export', '--format', 'xml'], /--format is xml, not one of json, md, csv/],
    [['import'], /import: which file\?/],
    [['import', '/nonexistent/x.json'], /cannot read \/nonexistent\/x.json: ENOENT/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, stderr } = await runCli([...argv, '--data-dir', tempDir()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
