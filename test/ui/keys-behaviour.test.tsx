import { describe, expect, it } from 'vitest';
import { NOTHING_TO_GO_BACK_TO } from '../../src/ui/navigation.js';
import { KEY } from '../helpers/keys.js';
import { renderApp } from '../helpers/render-app.js';
import { waitFor, waitForText } from '../helpers/wait-for.js';

/** The answer box's text rows (between its borders), trimmed. */
const boxText = (frame: string | undefined) =>
  (frame ?? '')
    .split('\n')
    .filter((line) => line.startsWith('│'))
    .map((line) => line.slice(1, -1).trim())
    .join('\n')
    .trim();

describe('bursts: several keys in one read each count', () => {
  it('"abc" then two backspaces written at once leave "a"', async () => {
    const app = renderApp({ name: 'drill', id: 'q1-1-scale-gateway' });
    await waitForText(app.lastFrame, 'Step 1/4');
    await app.press('abc\u007f\u007f');
    await waitFor(
      () => app.lastFrame(),
      (f) => boxText(f) === 'a',
      3000,
      'the box to hold "a"',
    );
    await app.press('d\u007fz');
    await waitFor(
      () => app.lastFrame(),
      (f) => boxText(f) === 'az',
      3000,
      'the box to hold "az"',
    );
  });

  it('"jjj" in one write moves the list cursor three rows; "tt" moves the topic filter twice', async () => {
    const app = renderApp({ name: 'practice' });
    await waitForText(app.lastFrame, 'all topics');
    const rows = () => (app.lastFrame() ?? '').split('\n').filter((l) => /^[❯ ][●✎] /.test(l));
    const before = rows();
    await app.press('jjj');
    await waitFor(rows, (r) => r[3]?.startsWith('❯') === true, 3000, 'the cursor on the fourth row');
    expect(rows()[3].slice(1)).toBe(before[3].slice(1));
    // all topics → scalability → reliability
    await app.press('tt');
    await waitForText(app.lastFrame, 'reliability · all kinds');
  });
});

describe('bursts of escape sequences: each key sees the one before it', () => {
  it('down, down and enter written at once choose the third option', async () => {
    const app = renderApp({ name: 'drill', id: 'concepts-scaling-and-balancing' });
    await waitForText(app.lastFrame, 'Step 1/');
    // The second option on step 1: step 3 must still start from its own first option.
    await app.press(`${KEY.down}${KEY.enter}`);
    await waitForText(app.lastFrame, 'Step 2/');
    await app.press('stateless servers scale out', KEY.ctrlD);
    await waitForText(app.lastFrame, 'Step 3/');
    // Three keys Ink hands over one by one, to the handler subscribed before the last render.
    await app.press(`${KEY.down}${KEY.down}${KEY.enter}`);
    await waitForText(app.lastFrame, 'Step 4/');
    await app.press(KEY.ctrlB);
    await waitForText(app.lastFrame, 'Step 3/');
    expect(app.lastFrame()).toContain('❯ Round Robin');
  });
});

describe('each step starts with its own cursor', () => {
  it('option 3 chosen on one choice step; the next choice step opens on its first option', async () => {
    const app = renderApp({ name: 'drill', id: 'concepts-scaling-and-balancing' });
    await waitForText(app.lastFrame, 'Step 1/');
    await app.press(KEY.enter);
    await waitForText(app.lastFrame, 'Step 2/');
    await app.press('stateless servers scale out', KEY.ctrlD);
    await waitForText(app.lastFrame, 'Step 3/');
    await app.press('j', 'j');
    await waitForText(app.lastFrame, '❯ Round Robin');
    await app.press(KEY.enter);
    await waitForText(app.lastFrame, 'Step 4/');
    // Step 4's options: Round Robin, Weighted Round Robin, IP Hash, Random. The cursor is on the first.
    expect(app.lastFrame()).toContain('❯ Round Robin');
    expect(app.lastFrame()).not.toContain('❯ IP Hash');
    // Going back shows the option chosen there.
    await app.press(KEY.ctrlB);
    await waitForText(app.lastFrame, 'Step 3/');
    expect(app.lastFrame()).toContain('❯ Round Robin');
  });
});

describe('ctrl+d on an empty step', () => {
  it('asks first, skips on the second, and says so', async () => {
    const app = renderApp({ name: 'drill', id: 'q1-1-scale-gateway' });
    await waitForText(app.lastFrame, 'Step 1/4');
    await app.press(KEY.ctrlD);
    await waitForText(app.lastFrame, 'Step 1 has no answer: ctrl+d again skips it');
    expect(app.lastFrame()).toContain('Step 1/4');
    await app.press(KEY.ctrlD);
    await waitForText(app.lastFrame, 'Skipped step 1 with no answer.');
    expect(app.lastFrame()).toContain('Step 2/4');
  });
});

describe('help everywhere', () => {
  it('? in an empty answer box opens the help; the drill is still there after it, answers and all', async () => {
    const app = renderApp({ name: 'drill', id: 'q1-1-scale-gateway' });
    await waitForText(app.lastFrame, 'Step 1/4');
    await app.press('?');
    await waitForText(app.lastFrame, 'Answering a drill (this screen)');
    await app.press(KEY.escape);
    await waitForText(app.lastFrame, 'Step 1/4');
    expect(app.lastFrame()).toContain('Type your answer');
    // With text in the box, ? is a character; ctrl+g opens the help even then.
    await app.press('why?');
    await waitFor(
      () => app.lastFrame(),
      (f) => boxText(f) === 'why?',
      3000,
      'the box to hold "why?"',
    );
    await app.press(KEY.ctrlG);
    await waitForText(app.lastFrame, 'gocoffee-drill · keys');
    await app.press(KEY.escape);
    await waitFor(
      () => app.lastFrame(),
      (f) => boxText(f) === 'why?',
      3000,
      'the answer kept under the help',
    );
  });

  it('? on a choice step opens the help, and the step is as it was after it', async () => {
    const app = renderApp({ name: 'drill', id: 'concepts-scaling-and-balancing' });
    await waitForText(app.lastFrame, 'Step 1/');
    await app.press('j');
    await waitForText(app.lastFrame, '❯ Vertical scaling (scale up)');
    await app.press('?');
    await waitForText(app.lastFrame, 'Multiple choice and cards (this screen)');
    await app.press(KEY.escape);
    await waitForText(app.lastFrame, '❯ Vertical scaling (scale up)');
  });

  it('? in the calculator opens the help instead of typing into the field', async () => {
    const app = renderApp({ name: 'calculator' });
    await waitForText(app.lastFrame, 'Peak rate: 926 req/s');
    await app.press('?');
    await waitForText(app.lastFrame, 'Capacity calculator (this screen)');
    await app.press(KEY.escape);
    await waitForText(app.lastFrame, 'Peak rate: 926 req/s');
    expect(app.lastFrame()).toContain('Daily active users        2M ');
  });
});

describe('navigation', () => {
  it('Esc on the home screen does not quit; it says q does', async () => {
    const app = renderApp();
    await waitForText(app.lastFrame, 'Checklist 0/20 done');
    let quit = 0;
    app.exitHooks.add(() => void (quit += 1));
    await app.press(KEY.escape);
    await waitForText(app.lastFrame, NOTHING_TO_GO_BACK_TO);
    await app.press('j');
    expect(quit).toBe(0);
    await app.press('q');
    await waitFor(
      () => quit,
      (n) => n === 1,
    );
  });

  it('the list keeps its filters and cursor when a drill is opened and left', async () => {
    const app = renderApp({ name: 'home' });
    await waitForText(app.lastFrame, 'Checklist 0/20 done');
    await app.press(KEY.enter);
    await waitForText(app.lastFrame, 'all topics · all kinds');
    await app.press('t', 'f', 'f');
    await waitForText(app.lastFrame, 'scalability · concept');
    await app.press('j');
    await waitForText(app.lastFrame, /❯● Concepts: scaling up or out/);
    await app.press(KEY.enter);
    await waitForText(app.lastFrame, 'Step 1/');
    await app.press(KEY.escape);
    await waitForText(app.lastFrame, 'scalability · concept');
    expect(app.lastFrame()).toMatch(/❯[●✎] Concepts: scaling up or out/);
    // And the home menu remembers Practice was picked.
    await app.press(KEY.escape);
    await waitForText(app.lastFrame, '❯ Practice');
  });
});
