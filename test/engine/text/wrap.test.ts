import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src/engine/text/wrap.js';

describe('wrapText: words to lines of at most the width', () => {
  it.each([
    // A line exactly the width fits; one more character moves the last word down.
    ['abc def', 7, ['abc def']],
    ['abc defg', 7, ['abc', 'defg']],
    ['abc de', 6, ['abc de']],
    ['a b c d', 3, ['a b', 'c d']],
    // A word longer than the width is cut into width-sized pieces; the line before it is closed first.
    ['abcdefgh', 3, ['abc', 'def', 'gh']],
    ['ab cdefgh ij', 3, ['ab', 'cde', 'fgh', 'ij']],
    ['abcdef', 3, ['abc', 'def']],
    // Blank lines are kept; runs of spaces are one break.
    ['one\n\ntwo', 10, ['one', '', 'two']],
    ['a    b', 10, ['a b']],
    ['', 5, ['']],
    // A width below 1 is taken as 1.
    ['ab', 0, ['a', 'b']],
    ['ab', -3, ['a', 'b']],
  ])('%j at %d → %j', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });

  it('never returns a line wider than the width, and loses no word', () => {
    const text = 'Scale out the stateless gateway behind a load balancer with health checks and a P95 alert';
    for (let width = 1; width <= 40; width += 1) {
      const lines = wrapText(text, width);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });
});
