import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeHistoryStore } from '../helpers/history-store.js';

describe('review command', () => {
  it('--json prints { now, due, cards }: every rated step card, the due ones in session order', async () => {
    const dir = tempDir();
    writeHistoryStore(dir);
    const { code, stdout, stderr } = await runCli(['review', '--json', '--data-dir', dir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['now', 'due', 'cards']);
    // q1-1: 4 graded steps; q1-3: 3 graded steps; concepts-cap: 3 cards self-rated good.
    expect(doc.cards).toHaveLength(10);
    for (const card of doc.cards) {
      expect(Object.keys(card)).toEqual(['id', 'step', 'due', 'stability', 'difficulty', 'retrievability', 'state']);
      expect(card.due).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    // due: exactly the cards whose date has come, each also in cards.
    const key = (c: { id: string; step: number }) => `${c.id}#${c.step}`;
    expect(doc.due.map(key).sort()).toEqual(
      doc.cards
        .filter((c: { due: string }) => c.due <= doc.now)
        .map(key)
        .sort(),
    );
    expect(doc.due.length).toBeGreaterThan(0);
    // Step 2 of q1-1 was graded 30 (again) then reviewed at 75 (good): two ratings, state review.
    expect(
      doc.cards.find((c: { id: string; step: number }) => c.id === 'q1-1-scale-gateway' && c.step === 2).state,
    ).toBe('review');
    // Interleaved: no two neighbours share a question's topic while another topic still has cards.
    const topics = doc.due.map((c: { id: string }) => (c.id.startsWith('q1-1') ? 'scalability' : 'consistency'));
    const counts = topics.reduce((m: Record<string, number>, t: string) => ({ ...m, [t]: (m[t] ?? 0) + 1 }), {});
    const alternating = Math.min(...Object.values(counts as Record<string, number>)) * 2;
    for (let k = 1; k < Math.min(alternating, topics.length); k += 1) expect(topics[k]).not.toBe(topics[k - 1]);
  });

  it('without a terminal and without --json says what to run, exit 2', async () => {
    const { code, stderr } = await runCli(['review', '--data-dir', tempDir()]);
    expect(code).toBe(2);
    expect(stderr).toContain('review --json');
  });
});
