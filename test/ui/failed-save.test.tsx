import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { KEY } from '../helpers/keys.js';
import { renderApp } from '../helpers/render-app.js';
import { waitForText } from '../helpers/wait-for.js';

describe('a save that fails in the app', () => {
  it('the review says "Not saved yet", never "Saved", and the status line names the failure', async () => {
    const app = renderApp({ name: 'drill', id: 'q1-1-scale-gateway' });
    await waitForText(app.lastFrame, 'Step 1/4');
    // A directory where store.json should be: every save fails, root or not.
    mkdirSync(join(app.dataDir, 'store.json'));
    for (let step = 1; step <= 4; step += 1) {
      await waitForText(app.lastFrame, `Step ${step}/4`);
      await app.press(`answer ${step}`);
      await waitForText(app.lastFrame, `answer ${step}`);
      await app.press(KEY.ctrlD);
    }
    // The try-it page comes after the last step; ctrl+d moves on to the review without a run.
    await waitForText(app.lastFrame, 'try it in the simulator');
    await app.press(KEY.ctrlD);
    await waitForText(app.lastFrame, 'Rate yourself');
    await app.press('3');
    const frame = await waitForText(app.lastFrame, 'Not saved yet (good)');
    expect(frame).not.toMatch(/\bSaved\b/);
    expect(frame).toContain('Not saved (a folder stands where the file should be, EISDIR): kept in memory');
    expect(app.services.store.unsaved()).toEqual(['1 attempt (q1-1-scale-gateway)']);

    // The directory goes away: the next save (here the exit hooks' final one) writes the attempt.
    rmdirSync(join(app.dataDir, 'store.json'));
    expect(app.services.store.save().ok).toBe(true);
    expect(openStore(app.dataDir).store.data.attempts.map((a) => a.questionId)).toEqual(['q1-1-scale-gateway']);
  });
});
