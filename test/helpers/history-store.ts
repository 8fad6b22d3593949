import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Answers that a CSV or Markdown writer must carry whole: commas, quotes, newlines, backticks. */
export const AWKWARD_ANSWERS = [
  'Measure CPU, memory, "db" and network, then decide',
  'Scale out, behind a load balancer\nbecause the gateway is stateless,\n\nso any instance can serve',
  '- cache the menu in Redis ``` with a "TTL", then ```',
  '',
];

const step = (answer: string, score: number | undefined, hit: string[], missed: string[]) => ({
  answer,
  score,
  hit,
  missed,
  hintsUsed: 1,
  ms: 61_000,
});

/** A store with attempts at real bank questions, a step review and two ticks, written under dataDir. */
export function writeHistoryStore(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const attempts = [
    {
      questionId: 'q1-1-scale-gateway',
      at: '2026-11-01T10:00:00.000Z',
      score: 50,
      mode: 'practice',
      rating: 'hard',
      totalMs: 244_000,
      steps: [
        step(AWKWARD_ANSWERS[0], 70, ['measure first'], ['memory']),
        step(AWKWARD_ANSWERS[1], 30, [], ['load balancer']),
        step(AWKWARD_ANSWERS[2], 90, ['cache'], []),
        step(AWKWARD_ANSWERS[3], 10, [], ['autoscaling']),
      ],
    },
    {
      questionId: 'q1-3-inventory-consistency',
      at: '2026-11-03T10:00:00.000Z',
      score: 40,
      mode: 'practice',
      rating: 'again',
      totalMs: 183_000,
      steps: [
        step('Use eventual consistency', 20, [], ['strong consistency']),
        step('Lock the row', 60, ['row lock'], ['SELECT FOR UPDATE']),
        step('Retry', 40, [], ['idempotency']),
      ],
    },
    {
      questionId: 'concepts-cap',
      at: '2026-11-05T10:00:00.000Z',
      score: 0,
      mode: 'practice',
      rating: 'good',
      totalMs: 90_000,
      steps: [
        step('I thought about it', undefined, [], []),
        step('x', undefined, [], []),
        step('y', undefined, [], []),
      ],
    },
  ];
  const reviews = [
    {
      id: 'q1-1-scale-gateway#2@2026-11-04T09:00:00.000Z',
      questionId: 'q1-1-scale-gateway',
      step: 1,
      at: '2026-11-04T09:00:00.000Z',
      answer: 'Scale out behind a load balancer',
      score: 75,
      hit: ['load balancer'],
      missed: [],
      rating: 'good',
      ms: 40_000,
    },
  ];
  const checklist = {
    'knowledge-scaling': '2026-11-02T08:00:00.000Z',
    'knowledge-consistency': '2026-11-06T08:00:00.000Z',
  };
  writeFileSync(
    join(dataDir, 'store.json'),
    JSON.stringify({ schemaVersion: 1, attempts, reviews, drafts: {}, checklist, settings: {} }, null, 2),
  );
}
