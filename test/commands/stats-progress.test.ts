import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeHistoryStore } from '../helpers/history-store.js';

describe('stats --json progress fields', () => {
  it('carries trends, misses, mock pacing, due counts and checklist progress beside the existing fields', async () => {
    const dir = tempDir();
    writeHistoryStore(dir);
    const { code, stdout } = await runCli(['stats', '--json', '--data-dir', dir]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual([
      'attempts',
      'streakDays',
      'items',
      'topics',
      'trends',
      'missedConcepts',
      'misconceptions',
      'mockPhases',
      'due',
      'checklist',
      'recent',
    ]);
    // The card-only CAP attempt has no score of its own and stays out of the consistency trend.
    expect(
      doc.trends.map((t: { topic: string; scores: number[]; sparkline: string }) => [t.topic, t.scores, t.sparkline]),
    ).toEqual([
      ['scalability', [50], '▅'],
      ['reliability', [], ''],
      ['consistency', [40], '▄'],
      ['performance', [], ''],
    ]);
    // Six concepts missed once each (the step review missed none), by name.
    expect(doc.missedConcepts.map((m: { name: string }) => m.name)).toEqual([
      'autoscaling',
      'idempotency',
      'load balancer',
      'memory',
      'SELECT FOR UPDATE',
      'strong consistency',
    ]);
    expect(doc.misconceptions).toEqual([]);
    expect(doc.mockPhases).toEqual([]);
    expect(doc.due.cards).toBe(10);
    expect(doc.checklist).toMatchObject({ done: 2, total: 20 });
    expect(doc.checklist.sections[0]).toEqual({
      id: 'knowledge',
      title: 'Knowledge Mastery',
      done: 2,
      total: 5,
      ratio: 0.4,
    });
  });
});
