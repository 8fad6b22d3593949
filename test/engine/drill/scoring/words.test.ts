import { describe, expect, it } from 'vitest';
import { editDistance, typoAllowance } from '../../../../src/engine/drill/scoring/edit-distance.js';
import { stem, words } from '../../../../src/engine/drill/scoring/stem.js';
import { prepare, sentenceWords, unwrap } from '../../../../src/engine/drill/scoring/text.js';

describe('editDistance: optimal string alignment, capped at max + 1', () => {
  it.each([
    // Worked examples: kitten → sitting is the textbook 3 (two substitutions, one insertion).
    ['kitten', 'sitting', 5, 3],
    ['breaker', 'brekaer', 2, 1], // one adjacent transposition
    ['ab', 'ba', 1, 1],
    ['abcd', 'acbd', 1, 1],
    ['abc', 'abc', 0, 0],
    ['', '', 0, 0],
    ['', 'abc', 3, 3],
    ['abc', '', 3, 3],
    ['flaw', 'lawn', 2, 2], // delete f, insert n
    // OSA, not full Damerau: "ca" → "abc" is 3 (no edit of a transposed pair), where Damerau says 2.
    ['ca', 'abc', 3, 3],
    // Over the cap: the length gap alone, or every row's minimum, exceeds it.
    ['', 'abc', 2, 3],
    ['abcd', 'ab', 1, 2],
    ['aaaa', 'bbbb', 1, 2],
    ['a', 'b', 0, 1],
    ['monitoring', 'monitorng', 2, 1],
    ['monitoring', 'moniter', 2, 3],
  ])('%j → %j (max %i) = %i', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });

  it('is symmetric on the worked examples', () => {
    expect(editDistance('sitting', 'kitten', 5)).toBe(3);
    expect(editDistance('brekaer', 'breaker', 2)).toBe(1);
  });
});

describe('typoAllowance: none under 7 letters, one from 7, two from 10', () => {
  it.each([
    [0, 0],
    [6, 0],
    [7, 1],
    [9, 1],
    [10, 2],
    [20, 2],
  ])('%i letters → %i', (length, allowance) => {
    expect(typoAllowance(length)).toBe(allowance);
  });
});

describe('stem: forms of one word meet, different words stay apart', () => {
  it.each([
    // The documented examples.
    ['partitioning', 'partit'],
    ['partition', 'partit'],
    ['replications', 'replicat'],
    ['scalling', 'scal'],
    ['stopped', 'stop'],
    // Up to three letters nothing is stripped.
    ['bus', 'bus'],
    ['ies', 'ies'],
    ['red', 'red'],
    // -ical and -ically meet -ic.
    ['automatically', 'automatic'],
    ['automatic', 'automatic'],
    ['vertically', 'vertic'],
    ['vertical', 'vertic'],
    ['logical', 'logic'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['scaling', 'scaled', 'scales', 'scale', 'Scale'],
    ['replicas', 'replica'],
    ['caches', 'caching', 'cached', 'cache'],
    ['policies', 'policy'],
    ['copied', 'copy'],
    ['classes', 'class'],
    ['boxes', 'box'],
    ['pushes', 'push'],
    ['quickly', 'quick'],
    ['deployment', 'deploy'],
    ['agreed', 'agree'],
  ])('%s and its forms meet', (...forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  it.each([
    ['bring', 'br'], // "-ing" needs three letters before it
    ['only', 'on'], // "-ly" needs four
    ['user', 'us'], // "-er" needs four
    ['payment', 'pay'], // "-ment" needs four
    ['lion', 'l'], // "-ion" needs four
    ['bus', 'bu'],
    ['class', 'clas'],
    ['odd', 'od'],
  ])('%s is not %s', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });
});

describe('words', () => {
  it.each([
    ["Don't scale-out the DB's replicas!", ['dont', 'scale', 'out', 'the', 'dbs', 'replicas']],
    ['P99 ≤ 200ms, i.e. fast', ['p99', '200ms', 'i', 'e', 'fast']],
    ['  ', []],
    ['it’s', ['its']],
    // A percentage keeps its sign, so a rubric's "10%" is not any 10.
    ['a 10% budget, not 10 retries', ['a', '10%', 'budget', 'not', '10', 'retries']],
    ['97.8% CPU', ['97', '8%', 'cpu']],
    // Verbs written apart meet their one-word form.
    ['fail over, back-off, fall back', ['failover', 'backoff', 'fallback']],
    ['roll back, back up, time out, shut down', ['rollback', 'backup', 'timeout', 'shutdown']],
    ['fail overall', ['fail', 'overall']],
    ['95 percent of requests, 10 per cent, 5pct', ['95%', 'of', 'requests', '10%', '5%']],
  ])('%j → %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('prepare() reads an answer the same way', () => {
    expect(prepare('a 10% budget, not 10 retries').raw).toEqual(['a', '10%', 'budget', 'not', '10', 'retries']);
    expect(prepare('97.8% CPU').raw).toEqual(['97', '8%', 'cpu']);
    expect(prepare('We fail over automatically.').raw).toEqual(['we', 'failover', 'automatically']);
  });
});

describe('prepare: words tagged with clause and sentence', () => {
  it('clauses end at punctuation, sentences at . ! ? ; or a newline, not at a decimal point', () => {
    const t = prepare('Cache it, then 0.25 s. Why? Because; yes\nno');
    expect(t.raw).toEqual(['cache', 'it', 'then', '0', '25', 's', 'why', 'because', 'yes', 'no']);
    expect(t.clause).toEqual([0, 0, 1, 1, 1, 1, 2, 3, 4, 5]);
    expect(t.sentence).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
    expect(t.asks).toEqual([false, true, false, false, false]);
    expect(t.sentences).toEqual(['cache it, then 0.25 s.', ' why?', ' because;', ' yes\n', 'no']);
    expect(t.stems).toEqual(t.raw.map(stem));
  });

  it('a colon after a short heading joins the heading to its clause; after a long one it ends the clause', () => {
    expect(prepare('Payments: strong consistency').clause).toEqual([0, 0, 0]);
    expect(prepare('one two three four: five').clause).toEqual([0, 0, 0, 0, 0]);
    expect(prepare('one two three four five: six').clause).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('e.g., i.e., etc. and vs. do not end a sentence; a spaced dash ends a clause', () => {
    const t = prepare('Use a queue, e.g. Kafka vs. RabbitMQ etc. and more');
    expect(new Set(t.sentence)).toEqual(new Set([0]));
    expect(prepare('fast - but costly').clause).toEqual([0, 1, 1]);
    expect(prepare('fast -- but costly').clause).toEqual([0, 1, 1]);
    expect(prepare('fast-but costly').clause).toEqual([0, 0, 0]);
  });

  it('marks words joined by a hyphen to a neighbour as part of a compound name', () => {
    const t = prepare('stale-while-revalidate so - fine');
    expect(t.raw).toEqual(['stale', 'while', 'revalidate', 'so', 'fine']);
    expect(t.compound).toEqual([true, true, true, false, false]);
    expect(prepare('-x y-').compound).toEqual([false, false]);
  });

  it('punctuation with no word before it starts no sentence; an empty answer has one empty sentence', () => {
    expect(prepare('. . . yes').sentence).toEqual([0]);
    expect(prepare('')).toEqual({
      raw: [],
      stems: [],
      clause: [],
      sentence: [],
      asks: [false],
      sentences: [''],
      compound: [],
      headed: [],
      bracket: [],
    });
  });

  it('marks the words right after a bracket, which stay in their clause', () => {
    const t = prepare('waited too long (queue age) here [x]');
    expect(t.bracket).toEqual([false, false, false, true, false, true, true]);
    expect(new Set(t.clause).size).toBe(1);
  });

  it('marks the words after a heading colon, up to the end of their clause', () => {
    expect(prepare('scale out: it keeps no state').headed).toEqual([false, false, true, true, true, true]);
    expect(prepare('a b c d: e').headed).toEqual([false, false, false, false, true]); // four words head
    expect(prepare('a b c d e: f').headed).toEqual([false, false, false, false, false, false]); // five: a clause
    expect(prepare('a: b, c. d').headed).toEqual([false, true, false, false]);
  });

  it('sentenceWords lists the indices of one sentence', () => {
    const t = prepare('a b. c d e. f');
    expect(sentenceWords(t, 0)).toEqual([0, 1]);
    expect(sentenceWords(t, 1)).toEqual([2, 3, 4]);
    expect(sentenceWords(t, 3)).toEqual([]);
  });
});

describe('unwrap: hard-wrapped lines join, lists and short lines stay', () => {
  const long = 'Scale out the gateway behind a load balancer so that';
  it.each([
    [`${long}\nno single instance is a bottleneck.`, `${long} no single instance is a bottleneck.`],
    // A sentence end, a blank line or a bullet keeps the break.
    [`${long}.\nNext.`, `${long}.\nNext.`],
    [`${long}\n\nNext.`, `${long}\n\nNext.`],
    [`${long}\n- next`, `${long}\n- next`],
    [`${long}\n2. next`, `${long}\n2. next`],
    [`${long}\n3) next`, `${long}\n3) next`],
    [`${long}\n* next`, `${long}\n* next`],
    // A line under 40 characters is a list item, not a wrapped line.
    ['short line\nnext', 'short line\nnext'],
    [`${'x'.repeat(40)}y\nz`, `${'x'.repeat(40)}y z`],
    [`${'x'.repeat(39)}y\nz`, `${'x'.repeat(39)}y\nz`],
  ])('%j', (text, expected) => {
    expect(unwrap(text)).toBe(expected);
  });
});
