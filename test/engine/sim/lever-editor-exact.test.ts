import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../src/engine/sim/compare.js';
import {
  KEEP_RUNS,
  changedLevers,
  initialLeverEditor,
  leverEditorReducer,
  type LeverEditorAction,
  type LeverEditorState,
} from '../../../src/engine/sim/lever-editor.js';
import type { Lever } from '../../../src/engine/sim/levers.js';

const lever = (name: string, baseline: number, min: number, max: number, step: number): Lever => ({
  name,
  field: 'policies.timeout',
  unit: 'ms',
  min,
  max,
  step,
  baseline,
  description: '',
  factor: 1,
  integer: false,
  zeroIsOff: false,
});
// A timeout from 10 to 100 ms in steps of 5 (its file says 18, off the grid) and 1 to 4 instances.
const timeout = lever('timeout', 18, 10, 100, 5);
const instances = lever('instances', 2, 1, 4, 1);
const levers = [timeout, instances];
const run = (state: LeverEditorState, ...actions: LeverEditorAction[]) => actions.reduce(leverEditorReducer, state);
const fake = (n: number) => ({ seeds: [n] }) as unknown as Comparison;

describe('the lever editor', () => {
  it('starts at the baselines, or at the values read from an answer, with what was read', () => {
    expect(initialLeverEditor(levers)).toEqual({
      levers,
      values: { timeout: 18, instances: 2 },
      read: {},
      focus: 0,
      phase: 'edit',
      progress: { done: 0, total: 0 },
      runs: [],
    });
    const read = initialLeverEditor(levers, {
      values: { instances: 4 },
      found: [{ name: 'instances', text: '4 instances' }],
    });
    expect(read.values).toEqual({ timeout: 18, instances: 4 });
    expect(read.read).toEqual({ instances: '4 instances' });
  });

  it.each<[string, LeverEditorAction[], number]>([
    // From 18, off the 5 ms grid from 10: up lands on 20, down on 15.
    ['up from off the grid lands on it', [{ type: 'increase' }], 20],
    ['down from off the grid lands on it', [{ type: 'decrease' }], 15],
    ['two steps up', [{ type: 'increase' }, { type: 'increase' }], 25],
    ['never below min', Array(5).fill({ type: 'decrease' }), 10],
    ['never above max', Array(30).fill({ type: 'increase' }), 100],
  ])('%s', (_, actions, value) => {
    expect(run(initialLeverEditor(levers), ...actions).values.timeout).toBe(value);
  });

  it('on the grid a step is exactly one step, also for fractional steps', () => {
    const ratio = lever('ratio', 0.3, 0, 1, 0.1);
    const s = initialLeverEditor([ratio]);
    expect(run(s, { type: 'increase' }).values.ratio).toBe(0.4);
    expect(run(s, { type: 'decrease' }).values.ratio).toBe(0.2);
  });

  it('moving a lever forgets what was read for it; a step against the bound changes nothing and keeps it', () => {
    const s = initialLeverEditor(levers, { values: { instances: 4 }, found: [{ name: 'instances', text: '4' }] });
    const atMax = run(s, { type: 'focus-down' }, { type: 'increase' });
    expect(atMax.values.instances).toBe(4);
    expect(atMax.read).toEqual({ instances: '4' });
    const moved = run(s, { type: 'focus-down' }, { type: 'decrease' });
    expect(moved.values.instances).toBe(3);
    expect(moved.read).toEqual({});
  });

  it('focus stays within the list', () => {
    const s = initialLeverEditor(levers);
    expect(run(s, { type: 'focus-up' }).focus).toBe(0);
    expect(run(s, { type: 'focus-down' }).focus).toBe(1);
    expect(run(s, { type: 'focus-down' }, { type: 'focus-down' }).focus).toBe(1);
    expect(run(s, { type: 'focus-down' }, { type: 'focus-up' }).focus).toBe(0);
  });

  it('reset returns every lever to its baseline and forgets what was read', () => {
    const s = initialLeverEditor(levers, { values: { instances: 4 }, found: [{ name: 'instances', text: '4' }] });
    const reset = run(s, { type: 'increase' }, { type: 'fail', problem: 'x' }, { type: 'reset' });
    expect(reset.values).toEqual({ timeout: 18, instances: 2 });
    expect(reset.read).toEqual({});
    expect(reset.problem).toBeUndefined();
  });

  it('a run: start, progress, finish keeps the newest runs first, at most five', () => {
    let s = initialLeverEditor(levers);
    for (let k = 0; k < KEEP_RUNS + 2; k += 1) {
      s = run(s, { type: 'start' }, { type: 'progress', done: 1, total: 4 });
      expect(s.phase).toBe('running');
      expect(s.progress).toEqual({ done: 1, total: 4 });
      s = run(s, { type: 'finish', comparison: fake(k) }, { type: 'edit' });
    }
    expect(KEEP_RUNS).toBe(5);
    expect(s.runs.map((r) => r.comparison.seeds[0])).toEqual([6, 5, 4, 3, 2]);
    expect(s.runs[0].values).toEqual({ timeout: 18, instances: 2 });
  });

  it('while running the levers do not move; a failure returns to editing with the problem', () => {
    const running = run(initialLeverEditor(levers), { type: 'start' });
    expect(run(running, { type: 'increase' }, { type: 'focus-down' }, { type: 'reset' }, { type: 'start' })).toBe(
      running,
    );
    expect(run(running, { type: 'edit' })).toBe(running);
    const failed = run(running, { type: 'fail', problem: 'no' });
    expect([failed.phase, failed.problem]).toEqual(['edit', 'no']);
    expect(run(failed, { type: 'start' }).problem).toBeUndefined();
    expect(run(failed, { type: 'increase' }).problem).toBeUndefined();
  });

  it('progress and finish count only while running; edit only from a result', () => {
    const s = initialLeverEditor(levers);
    expect(run(s, { type: 'progress', done: 1, total: 2 })).toBe(s);
    expect(run(s, { type: 'finish', comparison: fake(1) })).toBe(s);
    expect(run(s, { type: 'edit' })).toBe(s);
    const result = run(s, { type: 'start' }, { type: 'finish', comparison: fake(1) });
    expect(result.phase).toBe('result');
    expect(run(result, { type: 'increase' })).toBe(result);
    expect(run(result, { type: 'edit' }).phase).toBe('edit');
  });

  it('an editor with no levers ignores steps', () => {
    const s = initialLeverEditor([]);
    expect(run(s, { type: 'increase' })).toBe(s);
  });

  it('changedLevers: the levers moved off their baseline', () => {
    expect(changedLevers(levers, { timeout: 18, instances: 3 })).toEqual([instances]);
    expect(changedLevers(levers, { timeout: 20 })).toEqual([timeout]);
    expect(changedLevers(levers, {})).toEqual([]);
  });
});
