import { describe, expect, it } from 'vitest';
import { measureDensity } from '../../../../src/engine/drill/scoring/list-density.js';

// Each answer trips one rule of the list decision and no other, so each rule is checked on its own.
// Counted by hand; "sharded" and "cached" are verbs by the -ed rule, "the" and "for" function words.
describe('which rule makes a list', () => {
  it.each([
    [
      // Three of four signs (few function words, few verbs, short segments), joiners rare: a list.
      'Redis cache, Kafka queue, sharded Postgres',
      { words: 6, functionShare: 0, verbSegmentShare: 1 / 3, wordsPerSegment: 2, andShare: 0, list: true },
    ],
    [
      // Two signs only (segments of four words are not short), but no function word at all: telegraphic.
      'Redis cache cluster nodes, Kafka queue topic partitions, sharded Postgres primary replicas',
      { words: 12, functionShare: 0, verbSegmentShare: 1 / 3, wordsPerSegment: 4, andShare: 0, list: true },
    ],
    [
      // Telegraphic at its edges: a tenth of the words function words is prose enough (two signs only) …
      'the Redis cached nodes, Kafka sharded partitions, Postgres primary replicas',
      { words: 10, functionShare: 0.1, verbSegmentShare: 2 / 3, wordsPerSegment: 10 / 3, andShare: 0, list: false },
    ],
    [
      // … under it, eight words in three segments are a list …
      'Redis cached nodes, Kafka sharded partitions, Postgres replicas',
      { words: 8, functionShare: 0, verbSegmentShare: 2 / 3, wordsPerSegment: 8 / 3, andShare: 0, list: true },
    ],
    [
      // … seven are too few to judge that way …
      'Redis cached nodes, Kafka sharded partitions, Postgres',
      { words: 7, functionShare: 0, verbSegmentShare: 2 / 3, wordsPerSegment: 7 / 3, andShare: 0, list: false },
    ],
    [
      // … and two segments are not a list of terms.
      'Redis cached cluster nodes, Kafka sharded topic partitions',
      { words: 8, functionShare: 0, verbSegmentShare: 1, wordsPerSegment: 4, andShare: 0, list: false },
    ],
    [
      // Glossed terms whose glosses hold links ("stops", "avoids": half the sentences linked) stay a list.
      '- one layer (stops multiplication)\n- backoff (spreads retries)\n- jitter (avoids herd)\n- budget (caps retries)',
      { words: 13, functionShare: 1 / 13, verbSegmentShare: 0.5, wordsPerSegment: 13 / 4, andShare: 0, list: true },
    ],
    [
      // Four segments averaging under 2.5 words: terms, though half the segments hold a verb.
      'cached menus, sharded orders, the queue, the logs',
      { words: 8, functionShare: 2 / 8, verbSegmentShare: 0.5, wordsPerSegment: 2, andShare: 0, list: true },
    ],
    [
      // Three verbless segments under four words on average (11 / 3): verbless, with one sign only.
      'the menu for payments, the queue for orders, logs for audits',
      { words: 11, functionShare: 5 / 11, verbSegmentShare: 0, wordsPerSegment: 11 / 3, andShare: 0, list: true },
    ],
  ])('%j', (answer, density) => {
    expect(measureDensity(answer)).toMatchObject(density);
  });
});
