import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

describe('a full drill in a real terminal', () => {
  it('question 1.1 answered step by step, rated, quit; the attempt is in stats --json after a restart', async () => {
    const dataDir = tempDir();
    const session = new TmuxSession(`node ${BIN} practice q1-1-scale-gateway`, { GOCOFFEE_DRILL_HOME: dataDir });
    sessions.push(session);
    const answers = [
      'Measure first with hey and pprof; CPU in docker stats',
      'Scale out: stateless gateway',
      'Load balancer, round robin, health checks',
      'P95 histogram, error rate, alerts',
    ];
    for (const [i, answer] of answers.entries()) {
      await session.waitFor(`Step ${i + 1}/4`);
      await session.send(answer, true);
      await session.waitFor(answer.slice(0, 20));
      await session.send('C-d');
    }
    // Question 1.1 has a scenario: its try-it page comes first; ctrl+d goes on without running it.
    await session.waitFor('try it in the simulator');
    await session.send('C-d');
    const review = await session.waitFor('Rate yourself');
    expect(review).toMatch(/Overall \d+\/100/);
    await session.send('4');
    await session.waitFor('Saved (easy)');
    await session.send('Enter');
    await session.waitFor('gocoffee-drill · practice');
    await session.send('q');
    await session.waitFor('[exited 0]');

    const stats = JSON.parse(
      execFileSync('node', [BIN, 'stats', '--json'], {
        encoding: 'utf8',
        env: { ...process.env, GOCOFFEE_DRILL_HOME: dataDir },
      }),
    );
    expect(stats.attempts).toBe(1);
    expect(stats.items.find((i: { id: string }) => i.id === 'q1-1-scale-gateway')).toMatchObject({ attempts: 1 });
    expect(stats.recent[0]).toMatchObject({ questionId: 'q1-1-scale-gateway', rating: 'easy' });
    expect(stats.recent[0].steps.map((s: { answer: string }) => s.answer)).toEqual(answers);
  });

  it('ctrl+e hands the answer to $EDITOR and takes back what it wrote', async () => {
    const dir = tempDir();
    const editor = join(dir, 'fake-editor.sh');
    // Stands in for vi: appends a line to the file it is given, as a person would type it.
    writeFileSync(editor, '#!/bin/sh\nprintf "%s\\nwritten in the editor: scale out\\n" "$(cat "$1")" > "$1"\n');
    chmodSync(editor, 0o755);
    const session = new TmuxSession(`node ${BIN} practice q1-1-scale-gateway`, {
      GOCOFFEE_DRILL_HOME: dir,
      EDITOR: editor,
    });
    sessions.push(session);
    await session.waitFor('Step 1/4');
    await session.send('typed first', true);
    await session.waitFor('typed first');
    await session.send('C-e');
    const screen = await session.waitFor('written in the editor: scale out');
    expect(screen).toContain('typed first');
  });
});
