import { describe, expect, it } from 'vitest';
import { findMentions, prepare } from '../../../../src/engine/drill/scoring/match.js';
import { critiqued, dismissedAfter, negatedBefore } from '../../../../src/engine/drill/scoring/polarity.js';

const first = (text: string, phrase: string) => {
  const t = prepare(text);
  return { t, m: findMentions(t, phrase)[0] };
};

describe('the small word sets of polarity, one row a word', () => {
  it.each(['but', 'and', 'then', 'so', 'because', 'while', 'however', 'also', 'which', 'since'])(
    'a negation does not reach across "%s"',
    (word) => {
      const { t, m } = first(`no redis ${word} caching`, 'caching');
      expect(negatedBefore(t, m.start)).toBe(false);
    },
  );

  it.each(['if', 'unless', 'whether', 'suppose', 'were'])(
    '"%s" right before a stance makes it hypothetical',
    (word) => {
      const { t, m } = first(`${word} we scale up`, 'scale up');
      expect(critiqued(t, m)).toBe(true);
    },
  );

  it.each(['though', 'although', 'however', 'yet', 'which'])('a clause opening with "%s" may critique', (word) => {
    const { t, m } = first(`scaling up is quick, ${word} costly`, 'scaling up');
    expect(critiqued(t, m)).toBe(true);
  });

  it.each(['if', 'unless', 'when', 'only', 'until'])('a dismissal in a sentence with "%s" is nuance', (word) => {
    const { t, m } = first(`${word} slow, caching is overkill`, 'caching');
    expect(dismissedAfter(t, m.end)).toBe(false);
  });
});
