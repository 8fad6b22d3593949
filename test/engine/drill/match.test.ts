import { describe, expect, it } from 'vitest';
import { mentions, prepare } from '../../../src/engine/drill/scoring/match.js';
import { scoreStep } from '../../../src/engine/drill/scoring/score.js';
import type { Step } from '../../../src/engine/drill/types.js';

describe('mentions', () => {
  it.each([
    ['We should Scale Out the gateway.', 'scale out', true],
    ['scaling out behind an LB', 'scale out', true],
    ['add more replicas', 'replica', true],
    ['Caching, caches, cached!', 'cache', true],
    ['use a circuit-breaker', 'circuit breaker', true],
    ['use circuit breakers', 'circuit breaker', true],
    ['a circuit brekaer on the producer', 'circuit breaker', true],
    ['add monitorng and alerting', 'monitoring', true],
    ['add moniter', 'monitoring', false],
    ['no caching here', 'cache', false],
    ['do it without a cache', 'cache', false],
    ["don't add any more retries", 'retries', false],
    ['no cache, but retries with backoff', 'retries', true],
    ['avoid caching at first; later add a Redis cache', 'cache', true],
    ['the cat sat', 'cache', false],
    ['', 'cache', false],
    ['horizontal', 'horizontal scaling', false],
    // A meaning-flipping prefix is not a typo: each of these matched before the first-letter rule.
    ['use an asynchronous producer', 'synchronous', false],
    ['the stock counts are inconsistent', 'consistent', false],
    ['unavailability of the database', 'availability', false],
    ['use a synchronus producer', 'synchronous', true],
    // Punctuation ends a negation's reach, so a positive mention after it counts.
    ['without caching, add retries', 'retries', true],
    ['avoid retries without backoff; use retries with backoff', 'retries', true],
    ['avoid retries without backoff; never retries', 'retries', false],
    // Contracted negators.
    ["we shouldn't use caching", 'caching', false],
    ["we didn't add retries", 'retries', false],
    ["it isn't cached", 'cache', false],
    ['none of the caching helps', 'cache', false],
    // "instead of" and "rather than" reject what follows; a bare "instead" recommends it.
    ['instead add read replicas', 'read replicas', true],
    ['use Redis instead of Postgres', 'postgres', false],
    ['rather than caching we shard', 'caching', false],
    ['rather cache than shard', 'cache', true],
    // Two suffixes still meet the base word (two stemming passes).
    ['the table is partitioned', 'partition', true],
    ['partitioning by store id', 'partition', true],
    // One filler word inside a phrase, but not across a clause.
    ['add read-only replicas', 'read replicas', true],
    ['read the logs, replicas later', 'read replicas', false],
    ['read the query logs from the replicas', 'read replicas', false],
  ])('%j mentions %j: %s', (text, phrase, expected) => {
    expect(mentions(prepare(text), phrase)).toBe(expected);
  });
});

const textStep: Step = {
  title: 't',
  form: 'text',
  prompt: '',
  hints: [],
  model: '',
  rubric: [
    { concept: 'horizontal scaling', synonyms: ['scale out', 'more instances'], weight: 2 },
    { concept: 'load balancer', synonyms: ['lb'], weight: 1 },
    { concept: 'monitoring', synonyms: ['metrics', 'alerting'], weight: 1 },
  ],
};

describe('scoreStep', () => {
  // Weights 2 + 1 + 1 = 4. With a reason a concept earns its weight, without one 0.3 of it.
  it.each([
    [
      'Scale out with more instances behind a load balancer, and add metrics, because the gateway keeps no state.',
      100,
      ['horizontal scaling', 'load balancer', 'monitoring'],
      [],
    ],
    [
      'Scale out with more instances behind a load balancer, and add metrics.',
      30,
      ['horizontal scaling', 'load balancer', 'monitoring'],
      [],
    ],
    ['Put an LB in front.', 8, ['load balancer'], ['horizontal scaling', 'monitoring']],
    [
      'Add more instances so that one failing does not take the service down.',
      50,
      ['horizontal scaling'],
      ['load balancer', 'monitoring'],
    ],
    ['No load balancer, no metrics.', 0, [], ['horizontal scaling', 'load balancer', 'monitoring']],
    ['', 0, [], ['horizontal scaling', 'load balancer', 'monitoring']],
  ])('%j scores %i', (answer, score, hit, missed) => {
    expect(scoreStep(textStep, answer)).toMatchObject({ score, hit, missed });
  });

  it('a choice is right (100) or wrong (0), and names the right option', () => {
    const step: Step = { ...textStep, form: 'choice', rubric: [], choices: ['A', 'B', 'C'], answer: 2 };
    expect(scoreStep(step, '2')).toMatchObject({ score: 100, hit: ['C'], missed: [], deductions: [] });
    expect(scoreStep(step, '0')).toMatchObject({ score: 0, hit: [], missed: ['C'], deductions: [] });
  });

  it('a card has no score', () => {
    expect(scoreStep({ ...textStep, form: 'card' }, 'anything')).toBeUndefined();
  });
});
