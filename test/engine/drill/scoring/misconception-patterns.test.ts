import { describe, expect, it } from 'vitest';
import { prepare } from '../../../../src/engine/drill/scoring/match.js';
import { statesMisconception } from '../../../../src/engine/drill/scoring/misconceptions.js';

describe('a misconception pattern splits at "..." with or without spaces', () => {
  it.each([
    ['always safe to repeat ... retries', true],
    ['always safe to repeat...retries', true],
    ['always safe to repeat ...retries', true],
    ['always safe to repeat... retries', true],
    // A trailing separator leaves no empty part behind.
    ['always safe to repeat ...', true],
    // Unsplit, the five words would have to come in this order.
    ['always safe to repeat retries', false],
  ])('%j in "Retries are always safe to repeat.": %s', (pattern, stated) => {
    const found = statesMisconception(prepare('Retries are always safe to repeat.'), {
      patterns: [pattern],
      points: 10,
      correction: '',
    });
    expect(found).toBe(stated ? pattern : undefined);
  });
});

describe('"mean" keeps its place: the statistic comes before its noun', () => {
  it.each([
    ['We alert on mean latency.', true],
    ['Rising latency means the CPU is the bottleneck.', false],
    ['Latency that means nothing to users.', false],
  ])('%j states "mean latency": %s', (text, stated) => {
    const found = statesMisconception(prepare(text), { patterns: ['mean latency'], points: 10, correction: '' });
    expect(found).toBe(stated ? 'mean latency' : undefined);
  });
});
