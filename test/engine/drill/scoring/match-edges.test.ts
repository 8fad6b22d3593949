import { describe, expect, it } from 'vitest';
import { findMentions, mentions, prepare } from '../../../../src/engine/drill/scoring/match.js';

const spans = (text: string, phrase: string) => findMentions(prepare(text), phrase).map((m) => [m.start, m.end]);

describe('words whose order carries the meaning keep a phrase in order', () => {
  it.each(['before', 'after', 'then', 'than', 'over', 'under', 'vs', 'versus', 'into', 'from', 'to', 'until'])(
    '"cache %s queue" is not found in reverse',
    (word) => {
      expect(spans(`queue ${word} cache`, `cache ${word} queue`)).toEqual([]);
      expect(spans(`cache ${word} queue`, `cache ${word} queue`)).toEqual([[0, 2]]);
    },
  );
});

describe('findMentions, more edges', () => {
  it('a typo is judged by the shorter word: "cachng" (6 letters) is no typo of "caching"', () => {
    expect(mentions(prepare('cachng'), 'caching')).toBe(false);
    expect(mentions(prepare('cachingg'), 'caching')).toBe(true);
  });

  it('an in-order match tries the gap when the next word fits twice', () => {
    expect(spans('read replicas replicas x lag badly', 'read replicas lag badly')).toEqual([[0, 5]]);
  });

  it('three words match in any order; four do not', () => {
    expect(spans('failover of the database is automatic', 'automatic database failover')).toEqual([[0, 5]]);
    expect(spans('failover of the database is automatic now', 'now automatic database failover')).toEqual([]);
  });

  it('a joiner only between the words blocks an any-order match; a negator before it is not inside', () => {
    expect(spans('and menus strong', 'strong menus')).toEqual([[1, 2]]);
    expect(findMentions(prepare('not menus strong'), 'strong menus').map((m) => m.inner)).toEqual([false]);
    expect(mentions(prepare('not menus strong'), 'strong menus')).toBe(false);
  });

  it('one mention in order and another in any order are both found', () => {
    expect(spans('read replicas, then replicas for read', 'read replicas')).toEqual([
      [0, 1],
      [3, 5],
    ]);
  });
});
