import { describe, expect, it } from 'vitest';
import { computeStats } from '../../src/engine/drill/stats.js';
import { openStore } from '../../src/store/store.js';
import { KEY } from '../helpers/keys.js';
import { renderApp } from '../helpers/render-app.js';
import { waitFor, waitForText } from '../helpers/wait-for.js';

const ANSWERS = [
  'Measure first: load test with hey and watch CPU in docker stats, memory and GC, pg_stat_activity for the database, because the saturated one builds the queue.',
  'Scale out horizontally, because the gateway is stateless.',
  'A load balancer with least connections and health checks on /health, so dead instances are ejected.',
  'Alert on the P95 histogram and the error rate against the SLO, because that is what customers feel.',
];

describe('practice', () => {
  it('list → drill → answer every step → review → rate → saved → stats shows it', async () => {
    const app = renderApp({ name: 'practice' });
    await waitForText(app.lastFrame, 'Scale the API gateway at 1000 req/s');
    // Find question 1.1 in the list (never-tried items come in bank order).
    for (let i = 0; i < 10 && !/❯. Scale the API gateway/.test(app.lastFrame() ?? ''); i += 1) await app.press('j');
    await app.press(KEY.enter);
    await waitForText(app.lastFrame, 'Step 1/4');
    for (const [index, answer] of ANSWERS.entries()) {
      await waitForText(app.lastFrame, `Step ${index + 1}/4`);
      await app.press(answer);
      await waitForText(app.lastFrame, answer.slice(0, 30));
      if (index === 0) {
        await app.press(KEY.ctrlT);
        await waitForText(app.lastFrame, 'Hint 1:');
      }
      await app.press(KEY.ctrlD);
    }
    // The try-it page: "least connections" in step 3 set the balancer; the run is saved with the attempt.
    await waitForText(app.lastFrame, 'try it in the simulator');
    expect(app.lastFrame()).toMatch(/balancer +least-connections +from your answer: “least connections”/);
    await app.press(KEY.enter);
    await waitForText(app.lastFrame, 'enter: back to the levers', 60_000);
    expect(app.lastFrame()).toMatch(/FAIL · 5 seeds · yours: balancer least-connections/);
    await app.press(KEY.ctrlD);
    await waitForText(app.lastFrame, 'Rate yourself');
    expect(app.lastFrame()).toMatch(/Your design in the simulator · gateway-1000rps · 5 seeds · .*FAIL/);
    expect(app.lastFrame()).toMatch(/Overall \d+\/100/);
    expect(app.lastFrame()).toContain('✓ measure first');
    await app.press('3');
    await waitForText(app.lastFrame, 'Saved (good)');
    const attempts = openStore(app.dataDir).store.data.attempts;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ questionId: 'q1-1-scale-gateway', rating: 'good', mode: 'practice' });
    expect(attempts[0].steps.map((s) => s.answer)).toEqual(ANSWERS);
    expect(attempts[0].steps[0].hintsUsed).toBe(1);
    expect(attempts[0].simulation).toMatchObject({
      scenario: 'gateway-1000rps',
      pass: false,
      read: [{ name: 'balancer', text: 'least connections' }],
      levers: { instances: 3, balancer: 2 },
    });
    expect(attempts[0].simulation?.checks[0]).toMatchObject({
      name: 'P95 under 100 ms at 1000-1100 req/s',
      pass: false,
    });
    expect(attempts[0].score).toBeGreaterThanOrEqual(60);
    const stats = computeStats(app.services.bank().questions, attempts, new Date().toISOString());
    expect(stats.items.find((i) => i.id === 'q1-1-scale-gateway')).toMatchObject({
      attempts: 1,
      best: attempts[0].score,
    });
    await app.press(KEY.enter);
    await waitForText(app.lastFrame, 'gocoffee-drill · practice');
  });

  it('leaving mid-drill keeps a draft that resumes at the same step', async () => {
    const first = renderApp({ name: 'drill', id: 'q1-2-uptime-9999' });
    await waitForText(first.lastFrame, 'Step 1/5');
    await first.press('No single point of failure anywhere.');
    await first.press(KEY.ctrlD);
    await waitForText(first.lastFrame, 'Step 2/5');
    await first.press('Active-active gateways');
    await waitForText(first.lastFrame, 'Active-active gateways');
    await first.press(KEY.escape);
    await waitFor(
      () => openStore(first.dataDir).store.data.drafts['q1-2-uptime-9999'],
      (d) => d !== undefined,
    );
    first.unmount();

    const second = renderApp({ name: 'drill', id: 'q1-2-uptime-9999' }, first.dataDir);
    await waitForText(second.lastFrame, 'Resumed your draft');
    expect(second.lastFrame()).toContain('Step 2/5');
    expect(second.lastFrame()).toContain('Active-active gateways');
  });

  it('filters the list by topic', async () => {
    const app = renderApp({ name: 'practice' });
    await waitForText(app.lastFrame, 'all topics');
    await app.press('t');
    await waitForText(app.lastFrame, 'scalability · all kinds');
    expect(app.lastFrame()).toContain('Scale the API gateway');
    expect(app.lastFrame()).not.toContain('99.99% uptime');
  });
});

describe('an estimation drill', () => {
  it('takes a number per step and grades it against the derivation', async () => {
    const app = renderApp({ name: 'drill', id: 'est-nines' });
    await waitForText(app.lastFrame, 'Estimate the downtime allowed per year');
    await app.press('52m', KEY.ctrlD);
    await waitForText(app.lastFrame, 'Estimate the downtime allowed per month');
    await app.press('43m', KEY.ctrlD);
    await waitForText(app.lastFrame, 'Estimate the downtime allowed per day');
    await app.press('8.6s', KEY.ctrlD);
    await waitForText(app.lastFrame, 'Rate yourself');
    // 52 min vs 52.56: full marks; 43 min vs 4.38 min: 9.8× off, 40; 8.6 s vs 8.64: full marks → (100 + 40 + 100) / 3 = 80
    expect(app.lastFrame()).toContain('Overall 80/100');
    expect(app.lastFrame()).toContain('✓ downtime allowed per year: 52.6 min');
  });
});
