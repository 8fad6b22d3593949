import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../../src/engine/drill/scoring/edit-distance.js';
import { stem } from '../../../../src/engine/drill/scoring/stem.js';
import { prepare, unwrap } from '../../../../src/engine/drill/scoring/text.js';

describe('stem strips suffixes only at the end of a word', () => {
  it.each([
    // The same letters inside a word are left alone.
    ['diesel', 'diesel'],
    ['tiedown', 'tiedown'],
    ['possessed', 'possess'],
    ['chest', 'chest'],
    ['needle', 'needl'],
    ['stringent', 'stringent'],
    ['speedy', 'speedy'],
    ['assemblyman', 'assemblyman'],
    ['serverless', 'serverless'],
    ['departmental', 'departmental'],
    ['functional', 'functional'],
    ['balloon', 'balloon'],
    // "-ed" needs three letters before it; "-er" four, and keeps them.
    ['shed', 'shed'],
    ['server', 'serv'],
    ['serve', 'serv'],
    // A silent e goes only from a word longer than three letters.
    ['tees', 'tee'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('editDistance caps a long gap in length at max + 1', () => {
  it.each([
    ['', 'abcdef', 2, 3],
    ['abcdefgh', 'ab', 3, 4],
  ])('%j → %j (max %i) = %i', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });
});

describe('unwrap and prepare, more edges', () => {
  const long = 'Scale out the gateway behind a load balancer so that';
  it.each([
    // A line of spaces is a blank line; an indented bullet and a two-digit item stay list items.
    [`${long}\n  \nNext.`, `${long}\n  \nNext.`],
    [`${long}\n  - next`, `${long}\n  - next`],
    [`${long}\n12. next`, `${long}\n12. next`],
  ])('%j', (text, expected) => {
    expect(unwrap(text)).toBe(expected);
  });

  it('apostrophes go; abbreviations lose their dots, not their letters; ! and ? end sentences', () => {
    expect(prepare("don't, e.g. it’s").raw).toEqual(['dont', 'eg', 'its']);
    expect(prepare('Yes! No? Maybe; fine').sentence).toEqual([0, 1, 2, 3]);
  });

  it('a dot inside a word is no full stop: identifiers and decimals stay in their sentence', () => {
    expect(prepare('json.Marshal drops it. Then ctx.Done').sentence).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(prepare('r.URL.Path is a label').sentence).toEqual([0, 0, 0, 0, 0, 0]);
    expect(prepare('It took 1.5 s. Fine.').sentence).toEqual([0, 0, 0, 0, 0, 1]);
    expect(prepare('Scale out. Then stop.').sentence).toEqual([0, 0, 1, 1]);
  });
});
