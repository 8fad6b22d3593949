import { describe, expect, it } from 'vitest';
import { menuWindow } from '../../src/ui/components/menu.js';

describe('menuWindow: which entries a menu of limited height shows', () => {
  it.each([
    // count, cursor, height → first, shown
    [9, 0, 9, 0, 9], // fits exactly: no window, no "more" rows
    [9, 8, 12, 0, 9],
    [9, 0, 8, 0, 6], // two rows go to "↑/↓ more": 6 entries
    [9, 3, 8, 0, 6], // cursor − 3 = 0
    [9, 4, 8, 1, 6], // the cursor stays in the middle
    [9, 8, 8, 3, 6], // at the end the window stops at the last entry
    [9, 5, 3, 5, 1], // one entry between the two "more" rows
    [9, 5, 2, 5, 1], // never fewer than one entry
  ])('%i entries, cursor %i, height %i → from %i, %i shown', (count, cursor, height, first, shown) => {
    expect(menuWindow(count, cursor, height)).toEqual({ first, shown });
  });
});
