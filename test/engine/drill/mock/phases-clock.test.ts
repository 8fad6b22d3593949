import { describe, expect, it } from 'vitest';
import {
  clockReducer,
  clockWarning,
  overBudget,
  phaseLeftMs,
  startClock,
  totalLeftMs,
  type ClockAction,
  type ClockState,
} from '../../../../src/engine/drill/mock/clock.js';
import { MAX_MINUTES, MIN_MINUTES, phaseBudgets } from '../../../../src/engine/drill/mock/phases.js';

describe('phase budgets', () => {
  // Shares 5/5/5/10/15/5 of 45. Worked by hand: 7 min = 420 s → 46.67 ×3, 93.33, 140, 46.67; floors sum
  // to 417 and the 3 seconds left go to the largest fractions (.67), earliest first.
  it.each([
    [45, [300, 300, 300, 600, 900, 300]],
    [30, [200, 200, 200, 400, 600, 200]],
    [60, [400, 400, 400, 800, 1200, 400]],
    [7, [47, 47, 47, 93, 140, 46]],
    // 780 s: 86.67 ×4 (three get the 3 spare seconds), 173.33, 260
    [13, [87, 87, 87, 173, 260, 86]],
    // 120 s: 13.33 ×4, 26.67, 40 → the design's .67 first, then the earliest .33
    [2, [14, 13, 13, 27, 40, 13]],
  ])('%i minutes → %j', (minutes, expected) => {
    expect(phaseBudgets(minutes)).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBe(minutes * 60);
  });

  it('every length sums to minutes × 60 exactly, each phase within a second of its share', () => {
    for (let m = MIN_MINUTES; m <= MAX_MINUTES; m += 1) {
      const budgets = phaseBudgets(m);
      expect(budgets.reduce((a, b) => a + b, 0)).toBe(m * 60);
      [5, 5, 5, 10, 15, 5].forEach((share, i) => expect(Math.abs(budgets[i] - (m * 60 * share) / 45)).toBeLessThan(1));
    }
  });
});

/** Run actions against a fresh clock of the given budgets (seconds), started at t = 0. */
function run(budgets: number[], actions: ClockAction[]): ClockState {
  return actions.reduce(clockReducer, startClock(budgets, 0));
}

describe('the clock reducer over a fake clock', () => {
  it('counts ticks into the current phase', () => {
    const s = run(
      [120, 240],
      [
        { type: 'tick', at: 30_000 },
        { type: 'tick', at: 45_500 },
      ],
    );
    expect(s.used).toEqual([45_500, 0]);
    expect(phaseLeftMs(s)).toBe(74_500);
    expect(totalLeftMs(s)).toBe(314_500);
    expect(clockWarning(s)).toBeUndefined();
  });

  it.each([
    // [ms into a 120 s phase of a 360 s interview, warning]
    [59_999, undefined],
    [60_000, 'phase-last-minute'],
    [120_000, 'phase-last-minute'],
    [120_001, 'phase-over'],
  ] as const)('at %i ms the warning is %s', (at, warning) => {
    expect(clockWarning(run([120, 240], [{ type: 'tick', at }]))).toBe(warning);
  });

  it('warns in the interview’s last minute even when the phase has time', () => {
    const s = run(
      [100, 100],
      [
        { type: 'next-phase', at: 10_000 },
        { type: 'tick', at: 140_000 },
      ],
    );
    expect(phaseLeftMs(s)).toBe(-30_000);
    expect(clockWarning(s)).toBe('phase-over');
    const t = run(
      [10, 200],
      [
        { type: 'next-phase', at: 5_000 },
        { type: 'tick', at: 150_000 },
      ],
    );
    expect(totalLeftMs(t)).toBe(60_000);
    expect(clockWarning(t)).toBe('total-last-minute');
  });

  it('a phase running over is counted, not blocked', () => {
    const s = run([60, 60, 60], [{ type: 'tick', at: 75_000 }]);
    expect(s.phase).toBe(0);
    expect(s.used[0]).toBe(75_000);
    expect(overBudget(s)).toEqual([true, false, false]);
    const moved = clockReducer(s, { type: 'next-phase', at: 80_000 });
    expect(moved.phase).toBe(1);
    expect(moved.used).toEqual([80_000, 0, 0]);
  });

  it('pausing stops time; resuming counts from the resume', () => {
    const s = run(
      [300, 300],
      [
        { type: 'tick', at: 10_000 },
        { type: 'pause', at: 12_000 },
        { type: 'tick', at: 50_000 },
        { type: 'tick', at: 90_000 },
        { type: 'resume', at: 100_000 },
        { type: 'tick', at: 103_000 },
      ],
    );
    expect(s.used[0]).toBe(15_000);
    expect(s.paused).toBe(false);
    expect(
      run(
        [300],
        [
          { type: 'toggle-pause', at: 1_000 },
          { type: 'toggle-pause', at: 9_000 },
          { type: 'tick', at: 10_000 },
        ],
      ).used[0],
    ).toBe(2_000);
  });

  it('moving on early keeps the time used; past the last phase the interview is finished', () => {
    const s = run(
      [60, 60],
      [
        { type: 'next-phase', at: 20_000 },
        { type: 'next-phase', at: 25_000 },
      ],
    );
    expect(s.used).toEqual([20_000, 5_000]);
    expect(s.ended).toBe('finished');
  });

  it('when the total runs out the interview ends with exactly the total used, and nothing moves it after', () => {
    const s = run(
      [60, 60],
      [
        { type: 'next-phase', at: 30_000 },
        { type: 'tick', at: 500_000 },
      ],
    );
    expect(s.ended).toBe('time-up');
    expect(s.used).toEqual([30_000, 90_000]);
    expect(clockReducer(s, { type: 'tick', at: 900_000 })).toBe(s);
    expect(clockReducer(s, { type: 'resume', at: 900_000 })).toBe(s);
  });

  it('a clock stepping backwards adds nothing', () => {
    expect(
      run(
        [60],
        [
          { type: 'tick', at: 10_000 },
          { type: 'tick', at: 4_000 },
          { type: 'tick', at: 11_000 },
        ],
      ).used[0],
    ).toBe(11_000);
  });
});
