import { describe, expect, it } from 'vitest';
import { NOTHING_TO_GO_BACK_TO, navReducer, type NavState } from '../../src/ui/navigation.js';

const home: NavState = { stack: [{ name: 'home' }], quitting: false };

describe('navReducer', () => {
  it('back on the first screen stays and says how to quit; the next move clears the notice', () => {
    const stayed = navReducer(home, { type: 'back' });
    expect(stayed).toEqual({ stack: [{ name: 'home' }], quitting: false, notice: NOTHING_TO_GO_BACK_TO });
    const moved = navReducer(stayed, { type: 'open', screen: { name: 'checklist' } });
    expect(moved.notice).toBeUndefined();
    expect(moved.stack.map((s) => s.name)).toEqual(['home', 'checklist']);
  });

  it('back from a second screen pops it; quit quits', () => {
    const two = navReducer(home, { type: 'open', screen: { name: 'calculator' } });
    expect(navReducer(two, { type: 'back' }).stack).toEqual([{ name: 'home' }]);
    expect(navReducer(two, { type: 'quit' }).quitting).toBe(true);
  });

  it('back-or on the first screen replaces it (a drill opened from the command line returns to the list)', () => {
    expect(
      navReducer(
        { stack: [{ name: 'drill', id: 'x' }], quitting: false },
        { type: 'back-or', screen: { name: 'practice' } },
      ).stack,
    ).toEqual([{ name: 'practice' }]);
  });
});
