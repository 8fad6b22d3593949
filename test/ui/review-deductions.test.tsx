import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { scoreStep } from '../../src/engine/drill/scoring/score.js';
import { scoreLines } from '../../src/ui/screens/practice/review-lines.js';
import { KEY } from '../helpers/keys.js';
import { renderApp } from '../helpers/render-app.js';
import { waitForText } from '../helpers/wait-for.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const WRONG = [
  'Skip measuring, it is obviously the CPU.',
  'Bigger machines first: one large instance is simpler to run.',
  'Use sticky sessions so each customer lands on the same server.',
  'Watch the average latency every morning.',
];

describe('the review explains every deduction', () => {
  it('shows each deduction with its points, reason and correction, scrolling to those below the fold', async () => {
    const app = renderApp({ name: 'drill', id: 'q1-1-scale-gateway' });
    for (const [index, answer] of WRONG.entries()) {
      await waitForText(app.lastFrame, `Step ${index + 1}/4`);
      await app.press(answer);
      await waitForText(app.lastFrame, answer.slice(0, 25));
      await app.press(KEY.ctrlD);
    }
    // Past the try-it page (no run) to the review.
    await waitForText(app.lastFrame, 'try it in the simulator');
    await app.press(KEY.ctrlD);
    await waitForText(app.lastFrame, 'Rate yourself');
    const frame = (app.lastFrame() ?? '').replace(ANSI, '');
    expect(frame).toContain('Overall 0/100');
    expect(frame).toContain('Step 1 · Identify the bottleneck (CPU, memory, database, network)  0/100');
    expect(frame).toMatch(
      /−20 misconception: obviously the cpu\n\s+→ Measure first\. The resource closest to 100% is the one building/,
    );
    // Step 2's deductions are below the fold: page down to them.
    await app.press(KEY.pageDown);
    await waitForText(app.lastFrame, 'recommends scaling up');
    const next = (app.lastFrame() ?? '').replace(ANSI, '');
    expect(next).toMatch(
      /−25 recommends scaling up \(a bigger machine\) as the main fix instead of\s+horizontal scaling\n\s+→ A bigger machine has a ceiling/,
    );
  });

  it('marks concepts named without a reason, and every line fits an 80-column screen (78 inside the frame)', () => {
    const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });
    const step = bank.questions.find((q) => q.id === 'q1-1-scale-gateway')!.steps[1];
    const score = scoreStep(step, 'A stateless gateway. Scale out and scale up to a bigger machine.')!;
    const lines = scoreLines(score, 78).map((l) => l.replace(ANSI, ''));
    expect(lines).toContain('  ~ stateless (no reason given)');
    expect(lines).toContain('  ✗ horizontal scaling');
    expect(lines.some((l) => l.startsWith('  −25 recommends both horizontal scaling and scaling up'))).toBe(true);
    expect(lines.some((l) => l.startsWith('      → '))).toBe(true);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(78);
  });
});
