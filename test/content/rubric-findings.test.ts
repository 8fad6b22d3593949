import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { scoreStep } from '../../src/engine/drill/scoring/score.js';

const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });

function step(id: string, title: string) {
  const q = bank.questions.find((x) => x.id === id);
  const s = q?.steps.find((x) => x.title === title);
  if (!s) throw new Error(`no step "${title}" in ${id}`);
  return s;
}

/**
 * Each synonym that credited a concept for its opposite idea (../shared/content-review.md), with the
 * answer that used to earn it. The concept must no longer be credited, and the answer scores low.
 */
const FINDINGS: Array<[string, string, string, string, string]> = [
  [
    'H1',
    'fw-backup-rto-rpo',
    'Translate the requirement',
    'RTO and RPO; daily backups are fine.',
    'nightly backups are not enough',
  ],
  [
    'M5 gift cards',
    'fw-cap-partition',
    'Gift-card balances',
    'AP: keep accepting gift card spends in both regions, trading away consistency.',
    'CP',
  ],
  [
    'M5 points',
    'fw-cap-partition',
    'Loyalty points',
    'CP: refuse to award points during the partition; we give up availability.',
    'AP',
  ],
  [
    'M6 payments',
    'q1-3-inventory-consistency',
    'Hybrid: Strong for critical operations, eventual for others',
    'Make payments eventual too and use strong consistency for the menus.',
    'strong for payments',
  ],
  [
    'M6 the rest',
    'q1-3-inventory-consistency',
    'Hybrid: Strong for critical operations, eventual for others',
    'Make payments eventual too and use strong consistency for the menus.',
    'eventual for the rest',
  ],
  ['M7', 'q1-4-p95-latency', 'Profile the application to find bottlenecks', 'use tracing', 'profiling'],
  [
    'K6',
    'q1-3-inventory-consistency',
    'Eventual Consistency: Use event sourcing with compensation',
    'Kafka gives us exactly once delivery, so duplicates are impossible.',
    'idempotency',
  ],
  ['K7', 'fw-cap-partition', 'Loyalty points', 'Awarding points is idempotent.', 'commutative'],
  [
    'K8',
    'q1-1-scale-gateway',
    'Choose scaling strategy (horizontal vs vertical)',
    'Scale up to a bigger machine.',
    'vertical scaling limits',
  ],
  [
    'L11',
    'code-consumer-retry',
    'Find the defects',
    'handleOrder is idempotent so retries are fine.',
    'not idempotent',
  ],
  ['L12', 'code-kafka-producer', 'LeastBytes and ordering', 'LeastBytes keeps ordering.', 'no key ordering'],
  [
    'L13',
    'code-prometheus-metrics',
    'Buckets and labels',
    'DefBuckets are fine for this.',
    'default buckets too coarse',
  ],
  [
    'L14',
    'fw-diagnose-bottleneck',
    'Fix it',
    'Move Postgres to a bigger instance (vertical scaling).',
    'read replicas',
  ],
  ['L16 connections', 'concepts-bottlenecks', 'Database Bound', 'idle cpu and connections', 'pg_stat_activity'],
  [
    'L16 idle cpu',
    'concepts-bottlenecks',
    'Database Bound',
    'idle cpu and connections',
    'application waits on the database',
  ],
  ['L17', 'code-serializable-transaction', 'What does this guarantee?', 'It calls commit.', 'durability'],
  ['L18 redundancy', 'q1-2-uptime-9999', 'Implement redundancy at every layer', 'Add redundancy.', 'active-active'],
  ['L18 bulkhead', 'q1-2-uptime-9999', 'Design graceful degradation', 'Use a bulkhead.', 'fallback'],
  ['L18 autoscaling', 'q1-1-scale-gateway', 'Add monitoring and alerting', 'Turn on autoscaling.', 'alerting'],
  [
    'L19',
    'concepts-consistency-levels',
    'Causal Consistency',
    'A customer sees a reply before the comment it answers.',
    'example',
  ],
];

describe('rubrics no longer credit the opposite idea', () => {
  it.each(FINDINGS)('%s: %s "%s" ← %j does not earn %j', (_finding, id, title, answer, concept) => {
    const result = scoreStep(step(id, title), answer)!;
    expect(result.hit).not.toContain(concept);
    expect(result.score).toBeLessThanOrEqual(20);
  });

  it.each([
    [
      'H1',
      'fw-backup-rto-rpo',
      'Translate the requirement',
      'RTO is 30 minutes and RPO is 1 minute, so nightly backups are not enough: they could lose a day of orders.',
      'nightly backups are not enough',
    ],
    [
      'M5',
      'fw-cap-partition',
      'Gift-card balances',
      'CP: the other region refuses the spend, because otherwise the balance could be spent twice.',
      'CP',
    ],
    [
      'M6',
      'q1-3-inventory-consistency',
      'Hybrid: Strong for critical operations, eventual for others',
      'Payments strongly consistent in one ACID transaction, because money must not be lost.',
      'strong for payments',
    ],
    [
      'K8',
      'q1-1-scale-gateway',
      'Choose scaling strategy (horizontal vs vertical)',
      'Scaling up is quick, but it hits a hardware ceiling.',
      'vertical scaling limits',
    ],
    [
      'L11',
      'code-consumer-retry',
      'Find the defects',
      'handleOrder must be idempotent because a retry after a partial success runs it twice.',
      'not idempotent',
    ],
  ])('%s: the right idea still earns it (%s)', (_finding, id, title, answer, concept) => {
    expect(scoreStep(step(id, title), answer)!.hit).toContain(concept);
  });
});
