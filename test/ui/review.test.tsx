import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { KEY } from '../helpers/keys.js';
import { renderApp } from '../helpers/render-app.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitFor, waitForText } from '../helpers/wait-for.js';
import { writeHistoryStore } from '../helpers/history-store.js';

/** A store whose only history is one attempt at the CAP recall cards, self-rated good on Nov 5. */
function cardStore(): string {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const step = { answer: '', hit: [], missed: [], hintsUsed: 0, ms: 1000 };
  const attempt = {
    questionId: 'concepts-cap',
    at: '2026-11-05T10:00:00.000Z',
    score: 0,
    rating: 'good',
    totalMs: 3000,
    mode: 'practice',
    steps: [step, step, step],
  };
  writeFileSync(
    join(dir, 'store.json'),
    JSON.stringify({ schemaVersion: 1, attempts: [attempt], drafts: {}, checklist: {}, settings: {} }),
  );
  return dir;
}

describe('review screen', () => {
  it('a due recall card is revealed, then rated by the user, and the rating is stored for FSRS', async () => {
    const app = renderApp({ name: 'review' }, cardStore());
    await waitForText(app.lastFrame, 'Review 1/3');
    await app.press(KEY.enter); // reveal the card
    await app.press(KEY.ctrlD);
    await waitForText(app.lastFrame, 'Rate yourself');
    await app.press('2');
    await waitForText(app.lastFrame, 'Rescheduled as hard (your rating)');
    const reviews = openStore(app.dataDir).store.data.reviews;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      questionId: 'concepts-cap',
      step: 0,
      rating: 'hard',
      at: '2026-11-24T12:00:00.000Z',
    });
    expect(reviews[0].score).toBeUndefined();
    await app.press(KEY.enter);
    await waitForText(app.lastFrame, 'Review 2/3');
  });

  it('Esc with a typed answer asks first; a second Esc leaves without grading or storing it', async () => {
    const dir = tempDir();
    writeHistoryStore(dir);
    const app = renderApp({ name: 'review' }, dir);
    await waitForText(app.lastFrame, 'Review 1/');
    await app.press('half an answer');
    await waitForText(app.lastFrame, 'half an answer');
    await app.press(KEY.escape);
    await waitForText(app.lastFrame, 'Esc again leaves without grading this answer');
    await app.press(KEY.escape);
    await waitFor(
      () => app.exitHooks.size,
      (n) => n === 0,
      5000,
      'the review step to unregister its exit hook',
    );
    expect(openStore(dir).store.data.reviews).toHaveLength(1); // the fixture's own
  });

  it('quitting with a typed answer grades and keeps it (nothing typed is lost)', async () => {
    const dir = tempDir();
    writeHistoryStore(dir);
    const app = renderApp({ name: 'review' }, dir);
    await waitForText(app.lastFrame, 'Review 1/');
    await app.press('measure first with pprof because guessing wastes time');
    await waitForText(app.lastFrame, 'guessing wastes time');
    await app.press(KEY.ctrlC);
    await waitFor(
      () => openStore(dir).store.data.reviews.length,
      (n) => n === 2,
      5000,
      'the answer to be stored',
    );
    expect(openStore(dir).store.data.reviews[1].answer).toBe('measure first with pprof because guessing wastes time');
  });

  it('with nothing rated yet it says how steps join the review', async () => {
    const app = renderApp({ name: 'review' });
    await waitForText(app.lastFrame, 'Nothing is due for review now.');
    expect(app.lastFrame()).toContain('once you have answered them in Practice');
  });
});
