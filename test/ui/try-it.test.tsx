import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { KEY } from '../helpers/keys.js';
import { renderApp } from '../helpers/render-app.js';
import { waitFor, waitForText } from '../helpers/wait-for.js';

const ANSWERS = ['Measure CPU first.', 'Scale out to 6 instances.', 'Least connections.', 'Alert on P95.'];

async function toTryIt() {
  const app = renderApp({ name: 'practice' });
  await waitForText(app.lastFrame, 'Scale the API gateway at 1000 req/s');
  for (let i = 0; i < 10 && !/❯. Scale the API gateway/.test(app.lastFrame() ?? ''); i += 1) await app.press('j');
  await app.press(KEY.enter);
  for (const [index, answer] of ANSWERS.entries()) {
    await waitForText(app.lastFrame, `Step ${index + 1}/4`);
    await app.press(answer);
    await waitForText(app.lastFrame, answer);
    await app.press(KEY.ctrlD);
  }
  await waitForText(app.lastFrame, 'try it in the simulator');
  return app;
}

describe('the try-it page of a drill', () => {
  it('shows the levers read from the answers, highlighted with their words, the rest at baseline', async () => {
    const app = await toTryIt();
    const frame = app.lastFrame() ?? '';
    expect(frame).toContain('2 levers read from your answer');
    expect(frame).toMatch(/instances +◂ 6 instances ▸ from your answer: “6 instances”/);
    expect(frame).toMatch(/balancer +least-connections +from your answer: “Least connections”/);
    expect(frame).toMatch(/timeout +2000 ms +the gateway gives up/);
  });

  it('arrows change a lever and drop its highlight; r resets to the baseline', async () => {
    const app = await toTryIt();
    await app.press(KEY.right);
    await waitForText(app.lastFrame, /instances +◂ 7 instances ▸ baseline 3 instances/);
    await app.press('r');
    await waitForText(app.lastFrame, /instances +◂ 3 instances ▸ gateway instances/);
  });

  it('leaving from the try-it page keeps the answers as a draft', async () => {
    const app = await toTryIt();
    await app.press(KEY.escape);
    const draft = await waitFor(
      () => openStore(app.dataDir).store.data.drafts['q1-1-scale-gateway'],
      (d) => d !== undefined,
    );
    expect(draft?.answers).toEqual(ANSWERS);
  });
});
