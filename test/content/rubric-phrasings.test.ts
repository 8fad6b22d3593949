import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { scoreStep } from '../../src/engine/drill/scoring/score.js';

const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });

function step(id: string, title: string) {
  const s = bank.questions.find((x) => x.id === id)?.steps.find((x) => x.title === title);
  if (!s) throw new Error(`no step "${title}" in ${id}`);
  return s;
}

/**
 * Phrasings from answers written in other voices that the rubrics missed or misread, each with the
 * concept it must earn (credited, with or without a reason). Found while checking the grader's bands.
 */
describe('rubrics read the words other people use', () => {
  it.each([
    [
      'q1-2-uptime-9999',
      'Eliminate single points of failure',
      'Postgres runs as a single copy, so if it fails orders stop.',
      'single point of failure',
    ],
    [
      'q1-2-uptime-9999',
      'Create automated failover procedures',
      'Patroni promotes the synchronous standby, so no committed order is lost.',
      'RTO and RPO',
    ],
    [
      'q1-2-uptime-9999',
      'Implement redundancy at every layer',
      'The stateless gateway runs active-active behind the balancer.',
      'active-active',
    ],
    [
      'fw-retry-storm',
      'Explain the amplification',
      'Each layer retries independently, so one request becomes many attempts.',
      'retries multiply',
    ],
    [
      'fw-backup-rto-rpo',
      'Translate the requirement',
      'With a 1-minute RPO nightly backups are out, since they could lose a day.',
      'nightly backups are not enough',
    ],
    [
      'fw-cap-partition',
      'What CAP forces',
      'Partition = given, so each region must pick a side.',
      'partition tolerance is given',
    ],
    [
      'concepts-redundancy',
      'N+1 Redundancy',
      'Run 4 consumers, so if one dies the remaining three still carry the peak.',
      'one spare',
    ],
    [
      'concepts-redundancy',
      'N+1 Redundancy',
      'Run 4 consumers, so if one dies the remaining three still carry the peak.',
      'survive a failure at peak',
    ],
    [
      'code-gateway-http-server',
      'What makes it safe to scale out?',
      'It needs a readiness endpoint so the balancer stops sending to a copy that is starting.',
      'health endpoint',
    ],
    [
      'code-prometheus-metrics',
      'Buckets and labels',
      'Only a few buckets sit near 100 ms, so P95 there is coarse.',
      'default buckets too coarse',
    ],
    [
      'concepts-consistency-levels',
      'Causal Consistency',
      'Whoever sees the ready update must also see the order it depends on.',
      'cause before effect',
    ],
    [
      'code-kafka-producer',
      'LeastBytes and ordering',
      'LeastBytes spreads one order over partitions, so events arrive out of order; hash on the order ID so they keep their order.',
      'no key ordering',
    ],
    [
      'q1-1-scale-gateway',
      'Choose scaling strategy (horizontal vs vertical)',
      'Scale out, because the gateway is stateless: keep sessions in Redis rather than in memory.',
      'stateless',
    ],
    // A dot inside an identifier is no full stop: "json.Marshal", "time.Sleep", "ctx.Done".
    [
      'code-event-store',
      'Other defects',
      'The json.Marshal error is thrown away, so a bad event is written as garbage.',
      'marshal error ignored',
    ],
    [
      'code-consumer-retry',
      'Find the defects',
      'time.Sleep ignores ctx, so shutdown waits; select on ctx.Done() instead.',
      'ignores context',
    ],
    [
      'code-performance-middleware',
      'Measuring the right thing',
      'It measures the time from before the handler chain to after it returns.',
      'duration per request',
    ],
    [
      'output-latency-histogram',
      'P99 and bucket resolution',
      'With a 100 ms goal I would add buckets at 0.15 and 0.2 so P99 is precise.',
      'custom buckets',
    ],
  ])('%s "%s" ← %j earns %j', (id, title, answer, concept) => {
    expect(scoreStep(step(id, title), answer)!.hit).toContain(concept);
  });
});
