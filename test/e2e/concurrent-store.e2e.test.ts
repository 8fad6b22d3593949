import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

const RECORDERS = 16;
const TICKS = 6;

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The headless recorder from the grading issue, once it is on this branch. */
function realRecorder(): boolean {
  return execFileSync('node', [BIN, 'practice', '--help'], { encoding: 'utf8' }).includes('--record');
}

/**
 * One round of 16 recorders at once. With `practice ID --answers FILE --record` available, each runs
 * it once; until then each runs a script that records through the store API the same way
 * (test/store/fixtures/recorder.ts), at least 3 attempts each and on until `stop` appears.
 */
async function recordRound(dataDir: string, work: string, stop: string): Promise<number> {
  const env = { ...process.env, GOCOFFEE_DRILL_HOME: dataDir };
  if (realRecorder()) {
    const question = JSON.parse(execFileSync('node', [BIN, 'questions', '--json'], { encoding: 'utf8', env }))
      .questions[0];
    const answers = join(work, 'answers.json');
    writeFileSync(answers, JSON.stringify(Array.from({ length: question.steps }, () => null)));
    const results = await Promise.all(
      Array.from({ length: RECORDERS }, () =>
        run('node', [BIN, 'practice', question.id, '--answers', answers, '--record'], env),
      ),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    return results.length;
  }
  const recorder = join(work, 'recorder.mjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('../store/fixtures/recorder.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: recorder,
    logLevel: 'silent',
  });
  const results = await Promise.all(
    Array.from({ length: RECORDERS }, (_, i) => run('node', [recorder, dataDir, `r${i}`, '3', stop])),
  );
  for (const r of results) expect(r.code, r.stderr).toBe(0);
  return results.reduce((sum, r) => sum + Number(r.stdout.trim()), 0);
}

/** The line with the cursor (❯) on the checklist screen. */
function cursorLine(screen: string): string {
  return screen.split('\n').find((line) => line.includes('❯')) ?? '';
}

describe('several processes writing the store at once', () => {
  it(`${RECORDERS} recorders and the app ticking the checklist: every attempt and every tick survives`, async () => {
    const dataDir = tempDir();
    const work = tempDir();
    const stop = join(work, 'stop');
    const app = new TmuxSession(`node ${BIN} checklist`, { GOCOFFEE_DRILL_HOME: dataDir }, { columns: 80, rows: 24 });
    sessions.push(app);
    await app.waitFor('Overall');
    const recording = recordRound(dataDir, work, stop);
    for (let tick = 1; tick <= TICKS; tick += 1) {
      app.type('Space');
      await app.waitFor(new RegExp(`Overall .* ${tick}/20`));
      const before = cursorLine(app.screen());
      app.type('j');
      for (let i = 0; i < 200 && cursorLine(app.screen()) === before; i += 1)
        await new Promise((r) => setTimeout(r, 25));
    }
    writeFileSync(stop, '');
    const recorded = await recording;
    app.type('q');
    await app.waitFor('[exited 0]');

    const store = JSON.parse(readFileSync(join(dataDir, 'store.json'), 'utf8'));
    expect(store.attempts).toHaveLength(recorded);
    expect(recorded).toBeGreaterThanOrEqual(RECORDERS);
    expect(Object.keys(store.checklist)).toHaveLength(TICKS);
    const stats = JSON.parse(
      execFileSync('node', [BIN, 'stats', '--json'], {
        encoding: 'utf8',
        env: { ...process.env, GOCOFFEE_DRILL_HOME: dataDir },
      }),
    );
    expect(stats.attempts).toBe(recorded);
  });
});
