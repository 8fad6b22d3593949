import { describe, expect, it } from 'vitest';
import { measureDensity } from '../../../../src/engine/drill/scoring/list-density.js';

// Each shape counted by hand: words (and/or not function words), segments split at punctuation and
// joiners, a segment's verb from the verb list or an -ed/-nt word of three letters or more before it.
describe('measureDensity, counted by hand', () => {
  it.each([
    [
      // we, the, the: 3 of 10 function words; "and" 1 of 10; segments: we cached the menu | scaled the
      // pods | sent alerts: "cached" and "scaled" are verbs, "sent" is too short for the -nt rule.
      'We cached the menu, scaled the pods and sent alerts',
      {
        words: 10,
        functionShare: 0.3,
        verbSegmentShare: 2 / 3,
        wordsPerSegment: 3,
        andShare: 0.1,
        linkedShare: 0,
        list: false,
      },
    ],
    [
      // The bracket's enumeration joins its sentence: one segment of 7 words.
      'Watch saturation (CPU, memory; GC/disk) daily',
      { words: 7, functionShare: 0, verbSegmentShare: 0, wordsPerSegment: 7, andShare: 0, linkedShare: 0, list: false },
    ],
    [
      'Watch saturation [CPU, memory] daily',
      { words: 5, functionShare: 0, verbSegmentShare: 0, wordsPerSegment: 5, andShare: 0, linkedShare: 0, list: false },
    ],
    [
      // Bullets at the start of a line split; so does a spaced dash: 5 segments of one word.
      '- redis\n- kafka\n* postgres\nnginx – envoy',
      { words: 5, functionShare: 0, verbSegmentShare: 0, wordsPerSegment: 1, andShare: 0, linkedShare: 0, list: true },
    ],
    [
      // A hyphen inside a word does not split; "+ " splits like "and" (but is not counted as one); only, while.
      'read-only replicas + stale-while-revalidate',
      {
        words: 6,
        functionShare: 2 / 6,
        verbSegmentShare: 0,
        wordsPerSegment: 3,
        andShare: 0,
        linkedShare: 0,
        list: false,
      },
    ],
  ])('%j', (answer, density) => {
    expect(measureDensity(answer)).toEqual(density);
  });
});
