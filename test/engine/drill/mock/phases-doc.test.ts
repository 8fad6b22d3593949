import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PHASES, phaseBudgets } from '../../../../src/engine/drill/mock/phases.js';

describe('the phases are the ones docs/mock.md documents', () => {
  const doc = readFileSync(new URL('../../../../docs/mock.md', import.meta.url), 'utf8');
  // Rows such as `| 1 | Requirements and scope (`requirements`) | 5 | the phase's rubric |`.
  const rows = [...doc.matchAll(/^\| (\d) \| (.+) \(`([a-z-]+)`\) \| (\d+) \|/gm)].map((m) => ({
    name: m[3],
    title: m[2],
    minutes: Number(m[4]),
  }));
  it('names (the headless JSON), titles and minutes of 45, in order', () => {
    expect(rows).toHaveLength(6);
    expect(PHASES).toEqual(rows);
  });
});

/**
 * The documented rule, computed another way: each phase gets the whole seconds of its share; then,
 * one second at a time, the phase with the largest remaining fraction (the earliest on a tie) gets one
 * more and its fraction is used up.
 */
function byHand(minutes: number): number[] {
  const shares = [5, 5, 5, 10, 15, 5].map((m) => (minutes * 60 * m) / 45);
  const out = shares.map(Math.floor);
  const fraction = shares.map((s, i) => s - out[i]);
  let left = minutes * 60 - out.reduce((a, b) => a + b, 0);
  while (left > 0) {
    let best = 0;
    for (let i = 1; i < fraction.length; i += 1) if (fraction[i] > fraction[best]) best = i;
    out[best] += 1;
    fraction[best] = -1;
    left -= 1;
  }
  return out;
}

describe('phase budgets: the spare seconds go to the largest fractions, the earliest on a tie', () => {
  it.each([
    // 60 s: 6.67 ×4, 13.33, 20 → 57 whole seconds; 3 spare go to phases 1–3 of the four .67s
    [1, [7, 7, 7, 13, 20, 6]],
    // 240 s: 26.67 ×4, 53.33, 80 → 237; the same three
    [4, [27, 27, 27, 53, 80, 26]],
    // 480 s: 53.33 ×4, 106.67, 160 → 478; the design's .67, then the first .33
    [8, [54, 53, 53, 107, 160, 53]],
    // 660 s: 73.33 ×4, 146.67, 220 → 658; the same pattern
    [11, [74, 73, 73, 147, 220, 73]],
  ])('%i minutes → %j', (minutes, budgets) => {
    expect(byHand(minutes)).toEqual(budgets);
    expect(phaseBudgets(minutes)).toEqual(budgets);
  });

  it('every length from 1 to 180 minutes matches the rule computed by hand', () => {
    for (let m = 1; m <= 180; m += 1) expect(phaseBudgets(m)).toEqual(byHand(m));
  });
});
