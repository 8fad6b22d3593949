import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import fastStringWidth from '../../src/ui/string-width.js';

// The package itself is the truth: the fast path must never disagree with it.
describe('string width without segmenting simple text', () => {
  it('agrees with string-width on every BMP code point, alone and after a letter', () => {
    const disagree: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCharCode(cp);
      // After a letter too, where a mark or joiner would join the letter's cluster (ASCII never does).
      for (const text of cp < 0x80 ? [char] : [char, `a${char}`]) {
        if (fastStringWidth(text) !== stringWidth(text)) disagree.push(cp.toString(16));
      }
    }
    expect(disagree).toEqual([]);
  });

  it.each([
    ['→ · ❯', 5],
    ['gocoffee-drill · home', 21],
    ['日本語', 6],
    ['\u001B[1mbold\u001B[22m →', 6],
    ['e\u0301', 1],
    ['👍🏽 ok', 5],
    ['한국어', 6],
    ['\u1100\u1161', 2],
    ['☕', 2],
    ['↔', 1],
    ['↔\uFE0F', 2],
  ])('%j is %d columns', (text, width) => {
    expect(fastStringWidth(text)).toBe(width);
    expect(stringWidth(text)).toBe(width);
  });

  it('agrees on any mix of simple text, marks, emoji, controls and escapes', () => {
    const pieces = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '→',
      '·',
      '❯',
      '─',
      '日',
      '한',
      '\u0301',
      '\u200D',
      '\uFE0F',
      '👍',
      '🏽',
      '\u001B[31m',
      '\u001B[0m',
      '\t',
      '\n',
      'é',
      'ｶ',
      'ﾞ',
      '\u00AD',
      '\u0E33',
      'Ω',
      'Ж',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(fastStringWidth(text)).toBe(stringWidth(text));
      }),
      { seed: 17, numRuns: 2000 },
    );
  });

  it('passes options through to the package', () => {
    expect(fastStringWidth('\u001B[1mab', { countAnsiEscapeCodes: true })).toBe(
      stringWidth('\u001B[1mab', { countAnsiEscapeCodes: true }),
    );
    expect(fastStringWidth('±', { ambiguousIsNarrow: false })).toBe(2);
  });
});
