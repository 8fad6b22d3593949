import { describe, expect, it } from 'vitest';
import { KEY } from '../helpers/keys.js';
import { renderApp } from '../helpers/render-app.js';
import { waitForText } from '../helpers/wait-for.js';
import { calculatorReducer, evaluate, initialCalculator } from '../../src/ui/screens/calculator/calculator-state.js';

describe('capacity calculator', () => {
  it('recomputes on every keystroke and marks an invalid field with its reason', async () => {
    const app = renderApp({ name: 'calculator' });
    // Go Coffee preset: 2M × 1 / 86,400 × 40 = 925.9 req/s peak
    await waitForText(app.lastFrame, 'Peak rate: 926 req/s');
    await app.press(KEY.ctrlU, '4', 'M');
    // 4M / 86,400 × 40 = 1,851.9 req/s
    await waitForText(app.lastFrame, 'Peak rate: 1.85k req/s');
    await app.press('q');
    await waitForText(app.lastFrame, '✗ Daily active users: unknown suffix "Mq"');
    expect(app.lastFrame()).not.toContain('Peak rate');
    await app.press(KEY.backspace);
    await waitForText(app.lastFrame, 'Peak rate: 1.85k req/s');
  });

  it('tab moves between fields and ctrl+p loads the next preset', async () => {
    const app = renderApp({ name: 'calculator' });
    await waitForText(app.lastFrame, 'Preset Go Coffee orders');
    await app.press(KEY.ctrlP);
    await waitForText(app.lastFrame, 'Preset URL shortener');
    // 100M / 86,400 × 3 = 3,472 req/s
    await waitForText(app.lastFrame, 'Peak rate: 3.47k req/s');
    await app.press(KEY.tab, KEY.ctrlU, '2');
    // 100M × 2 / 86,400 × 3 = 6,944 req/s
    await waitForText(app.lastFrame, 'Peak rate: 6.94k req/s');
  });

  it('the frame fits in the terminal', async () => {
    const app = renderApp({ name: 'calculator' });
    await waitForText(app.lastFrame, 'Peak rate');
    expect((app.lastFrame() ?? '').split('\n').length).toBeLessThanOrEqual(29);
  });

  it('a field that is fine alone but not with another is explained (--rps with --dau)', () => {
    let state = initialCalculator();
    state = calculatorReducer(state, { type: 'next-field' });
    state = calculatorReducer(state, { type: 'next-field' });
    state = calculatorReducer(state, { type: 'type', text: '500' });
    const result = evaluate(state.values);
    expect(result.combined).toMatch(/give either --rps or --dau/);
    expect(result.estimate.traffic?.requestsPerDay).toBe(2e6);
  });
});

describe('reference card', () => {
  it('shows the nines computed from 365 days, with sources named', async () => {
    const app = renderApp({ name: 'reference' });
    await waitForText(app.lastFrame, 'Latency numbers every engineer should know');
    expect(app.lastFrame()).toContain('Jeff Dean');
    for (let i = 0; i < 20; i += 1) await app.press('j');
    // 99.99%: 52.6 min a year, 4.38 min a month, 8.64 s a day
    await waitForText(app.lastFrame, /99\.99%\s+52\.6 min \/year\s+4\.38 min \/month\s+8\.64 s \/day/);
  });
});
