import { describe, expect, it } from 'vitest';
import { loadLeverScenario } from '../../../src/content/scenario-file.js';
import type { Comparison } from '../../../src/engine/sim/compare.js';
import {
  KEEP_RUNS,
  initialLeverEditor,
  leverEditorReducer,
  type LeverEditorAction,
  type LeverEditorState,
} from '../../../src/engine/sim/lever-editor.js';

const levers = loadLeverScenario('gateway-1000rps').scenario.levers!; // instances 1…12 (3), workers, balancer, timeout 100…5000 step 100 (2000)
const run = (state: LeverEditorState, ...actions: LeverEditorAction[]) => actions.reduce(leverEditorReducer, state);
const fake = { verdict: { pass: true, checks: [] } } as unknown as Comparison;

describe('lever editor', () => {
  it('starts at the baseline, with values read from an answer on top and highlighted', () => {
    const s = initialLeverEditor(levers, {
      values: { instances: 5 },
      found: [{ name: 'instances', text: '5 instances' }],
    });
    expect(s.values).toEqual({ instances: 5, workers: 8, balancer: 0, timeout: 2000 });
    expect(s.read).toEqual({ instances: '5 instances' });
  });

  it.each<[string, LeverEditorAction[], Record<string, number>]>([
    ['→ raises the focused lever by its step', [{ type: 'increase' }], { instances: 4 }],
    [
      '← lowers it, stopping at min',
      [{ type: 'decrease' }, { type: 'decrease' }, { type: 'decrease' }],
      { instances: 1 },
    ],
    ['↓ moves to the next lever', [{ type: 'focus-down' }, { type: 'increase' }], { workers: 9 }],
    [
      'a choice steps through its names',
      [{ type: 'focus-down' }, { type: 'focus-down' }, { type: 'increase' }, { type: 'increase' }],
      { balancer: 2 },
    ],
    [
      'steps of 100 ms from 2000 ms',
      [
        { type: 'focus-down' },
        { type: 'focus-down' },
        { type: 'focus-down' },
        { type: 'focus-down' },
        { type: 'decrease' },
      ],
      { timeout: 1900 },
    ],
    ['↑ never goes above the first lever', [{ type: 'focus-up' }, { type: 'increase' }], { instances: 4 }],
  ])('%s', (_name, actions, changed) => {
    const s = run(initialLeverEditor(levers), ...actions);
    expect(s.values).toEqual({ ...initialLeverEditor(levers).values, ...changed });
  });

  it('an off-grid value lands on the grid at the first press (18 → 20 on a 5-step from 5)', () => {
    const lever = { ...levers[0], name: 'x', min: 5, max: 200, step: 5, baseline: 18, integer: false };
    expect(run(initialLeverEditor([lever]), { type: 'increase' }).values.x).toBe(20);
    expect(run(initialLeverEditor([lever]), { type: 'decrease' }).values.x).toBe(15);
  });

  it('changing a read value drops its highlight; reset returns every lever to baseline', () => {
    const s = initialLeverEditor(levers, {
      values: { instances: 5 },
      found: [{ name: 'instances', text: '5 instances' }],
    });
    expect(run(s, { type: 'increase' }).read).toEqual({});
    expect(run(s, { type: 'reset' }).values.instances).toBe(3);
  });

  it('runs: edit → running (progress) → result, newest first, at most five kept; keys do nothing while running', () => {
    let s = run(
      initialLeverEditor(levers),
      { type: 'start' },
      { type: 'progress', done: 3, total: 10 },
      { type: 'increase' },
    );
    expect(s.phase).toBe('running');
    expect(s.progress).toEqual({ done: 3, total: 10 });
    expect(s.values.instances).toBe(3);
    s = run(s, { type: 'finish', comparison: fake });
    expect(s.phase).toBe('result');
    for (let k = 0; k < 6; k += 1)
      s = run(s, { type: 'edit' }, { type: 'increase' }, { type: 'start' }, { type: 'finish', comparison: fake });
    expect(s.runs).toHaveLength(KEEP_RUNS);
    expect(s.runs[0].values.instances).toBe(9);
  });

  it('a refused variant goes back to editing with the reason', () => {
    const s = run(
      initialLeverEditor(levers),
      { type: 'start' },
      { type: 'fail', problem: 'components[0].needed: cannot exceed count (1)' },
    );
    expect(s).toMatchObject({ phase: 'edit', problem: 'components[0].needed: cannot exceed count (1)' });
  });
});

describe('comparisons keep the baseline between tries', () => {
  it('a second comparison with the kept baseline runs only the variant and gives the same figures', async () => {
    const { compareSteps, compare } = await import('../../../src/engine/sim/compare.js');
    const loaded = loadLeverScenario('p95-500ms');
    const kept = new Map();
    const drain = (g: ReturnType<typeof compareSteps>) => {
      const totals: number[] = [];
      for (;;) {
        const step = g.next();
        if (step.done) return { result: step.value, totals };
        totals.push(step.value.total);
      }
    };
    const first = drain(compareSteps(loaded.scenario, loaded.scenario, [1, 2], kept));
    const second = drain(compareSteps(loaded.scenario, loaded.scenario, [1, 2], kept));
    expect(first.totals).toEqual([4, 4, 4, 4]);
    expect(second.totals).toEqual([2, 2]);
    expect(second.result.baseline).toEqual(compare(loaded.scenario, loaded.scenario, [1, 2]).baseline);
    expect(second.result.baseline).toEqual(first.result.baseline);
  });
});
