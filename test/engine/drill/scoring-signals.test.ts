import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../../src/content/paths.js';
import { measureDensity } from '../../../src/engine/drill/scoring/list-density.js';
import { scoreAttempt, scoreStep } from '../../../src/engine/drill/scoring/score.js';

const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });
const question = (id: string) => bank.questions.find((q) => q.id === id)!;
const step = (id: string, k: number) => question(id).steps[k];
const kinds = (id: string, k: number, answer: string) => scoreStep(step(id, k), answer)!.deductions.map((d) => d.kind);

/** Kept from the first scoring corpus: negations, typos and off-topic answers (the bands follow the new model). */
describe('answers that name nothing, or only negate', () => {
  it.each([
    [
      'negated',
      'q1-1-scale-gateway',
      [
        'No need to measure anything.',
        "Don't scale out, no more instances.",
        'Without a load balancer.',
        'No alerting.',
      ],
      0,
      0,
    ],
    [
      'contracted negations',
      'q1-4-p95-latency',
      [
        "We didn't profile.",
        "We shouldn't add indexes.",
        "It isn't cached.",
        '',
        "We won't pool connections.",
        "We didn't scale out.",
      ],
      0,
      0,
    ],
    [
      'negated after the term',
      'q1-4-p95-latency',
      [
        'No profiling needed.',
        'Indexes are not needed.',
        'No caching.',
        '',
        'Without a connection pool.',
        "Don't scale out.",
      ],
      0,
      0,
    ],
    [
      'manual failover only',
      'q1-2-uptime-9999',
      ['', '', '', 'Manual failover by the on-call engineer, no automatic failover.', ''],
      0,
      0,
    ],
    [
      'off-topic',
      'q1-3-inventory-consistency',
      ['Buy more beans.', 'Count the cups every night.', 'Ask the manager.'],
      0,
      0,
    ],
    ['empty', 'q1-4-p95-latency', ['', '', '', '', '', ''], 0, 0],
    // Right words, no reasons: each concept earns 0.3 of its weight, so bare claims stay far below a terse answer's 45.
    [
      'bare claims',
      'q1-1-scale-gateway',
      ['Check the CPU.', 'Add more instances.', 'Use round robin.', 'Add some dashboards.'],
      1,
      20,
    ],
    // Typos within the allowance still count as the concept (stateless, horizontal scaling), so above zero.
    [
      'typos',
      'q1-1-scale-gateway',
      [
        'profiel it, check the databse and netwrok',
        'horizontel scaling, its statelss',
        'a load balancr with helth checks',
        'alertting on erors',
      ],
      5,
      30,
    ],
  ])('%s scores within [%i, %i]', (_name, id, answers, low, high) => {
    const q = question(id);
    const overall = scoreAttempt(
      q,
      q.steps.map((s, k) => scoreStep(s, answers[k])),
    );
    expect(overall).toBeGreaterThanOrEqual(low);
    expect(overall).toBeLessThanOrEqual(high);
  });

  it('a negation stops at punctuation, so what follows still counts', () => {
    const result = scoreStep(
      step('q1-1-scale-gateway', 1),
      'No session affinity, stateless gateway, scale out with more instances; a bigger machine hits a ceiling.',
    )!;
    expect(result.hit).toEqual(expect.arrayContaining(['horizontal scaling', 'stateless', 'vertical scaling limits']));
  });
});

describe('reasons', () => {
  const gateway = step('q1-1-scale-gateway', 1);
  it('a concept with a reason earns its weight; the same claim bare earns 0.3 of it, and says so', () => {
    // horizontal scaling weighs 3 of 7: with a reason 3/7 → 43; bare 0.3 × 3/7 → 13.
    expect(scoreStep(gateway, 'Scale out, so one failing instance does not take orders down.')).toMatchObject({
      score: 43,
      reasoned: ['horizontal scaling'],
      unreasoned: [],
    });
    const bare = scoreStep(gateway, 'Scale out with more instances.')!;
    expect(bare).toMatchObject({ score: 13, reasoned: [], unreasoned: ['horizontal scaling'] });
    expect(bare.deductions).toEqual([
      {
        kind: 'no-reason',
        reason: 'horizontal scaling: named without a reason (say why, or what follows)',
        points: 30,
      },
    ]);
  });

  it('a reason in the next sentence that opens with a link counts ("That is because …")', () => {
    expect(
      scoreStep(gateway, 'Scale out with more instances. That is because one box has a ceiling.')!.reasoned,
    ).toContain('horizontal scaling');
  });

  it("a concept's own because: phrases count as its reason", () => {
    expect(scoreStep(gateway, 'Scale out: the gateway is stateless.')!.reasoned).toEqual(
      expect.arrayContaining(['horizontal scaling']),
    );
  });
});

describe('the prototype pitfalls', () => {
  it('a rebuttal of a misconception is not penalised; the misconception itself is', () => {
    const cache = step('q1-4-p95-latency', 2);
    expect(
      kinds(
        'q1-4-p95-latency',
        2,
        'Cache the menu in Redis with a TTL because it is read constantly; the cache is a convenience, not the source of truth.',
      ),
    ).not.toContain('misconception');
    expect(
      scoreStep(cache, 'The cache is the source of truth for orders, because Redis is faster.')!.deductions,
    ).toContainEqual(expect.objectContaining({ kind: 'misconception', points: 15 }));
    expect(
      kinds(
        'q1-3-inventory-consistency',
        1,
        "Exactly-once delivery doesn't make retries safe, so consumers dedupe by order id.",
      ),
    ).not.toContain('misconception');
    expect(kinds('q1-3-inventory-consistency', 1, 'Kafka has exactly-once delivery, so retries are safe.')).toContain(
      'misconception',
    );
  });

  it('a rebutted opposite stance is not taken for a recommendation', () => {
    expect(
      kinds(
        'q1-1-scale-gateway',
        1,
        'Scale out because it is stateless. Scaling up to a bigger box is quick, but it hits a hardware ceiling.',
      ),
    ).toEqual([]);
    expect(
      kinds('q1-1-scale-gateway', 1, 'Scale out rather than scaling up, because the gateway keeps no state.'),
    ).toEqual([]);
  });

  it('an enumeration in brackets inside one sentence is not a list', () => {
    expect(
      measureDensity(
        'Watch the saturation signals (CPU, memory, GC pauses, queue depth) because they move before latency does.',
      ).list,
    ).toBe(false);
    expect(measureDensity('CPU, memory, GC pauses, queue depth').list).toBe(true);
    const inBrackets = scoreStep(
      step('q1-1-scale-gateway', 0),
      'Load-test first and read each hop (CPU, memory, pg_stat_activity, gRPC latency to the producer), because the saturated one builds the queue.',
    )!;
    expect(inBrackets.deductions.map((d) => d.kind)).not.toContain('cap');
    expect(inBrackets.score).toBeGreaterThan(60);
  });

  it('synonyms match in either word order', () => {
    const failover = scoreStep(
      step('q1-2-uptime-9999', 3),
      'Failover is automatic, because a human cannot react inside four minutes a month.',
    )!;
    expect(failover.reasoned).toContain('automated failover');
    // …but not across a joiner, and not where word order carries the meaning.
    expect(
      kinds('q1-3-inventory-consistency', 2, 'Strong for payments and menus eventual, because money must not be lost.'),
    ).not.toContain('opposite');
  });

  it('a stance stated as a heading counts, for the right side and the wrong one', () => {
    expect(
      scoreStep(step('q1-1-scale-gateway', 1), 'Bigger machines first: one large instance is simpler to run.')!
        .deductions,
    ).toContainEqual(expect.objectContaining({ kind: 'opposite', points: 25 }));
    expect(
      scoreStep(step('q1-1-scale-gateway', 1), 'Scale out: stateless, so any instance serves any request.')!.reasoned,
    ).toEqual(['horizontal scaling', 'stateless']);
  });

  it('a dismissal on either side of a term cancels it, even next to a positive mention', () => {
    const lb = step('q1-1-scale-gateway', 2);
    for (const answer of [
      'A load balancer is not needed here.',
      'Skip the load balancer for now.',
      'Health checks are overkill; a load balancer in front, because traffic must be spread.',
    ]) {
      const result = scoreStep(lb, answer)!;
      expect(result.hit, answer).not.toContain(answer.startsWith('Health') ? 'health checks' : 'load balancer');
    }
  });
});

describe('answers in other voices', () => {
  it('a stance inside a condition is hypothetical, not a recommendation', () => {
    expect(
      kinds(
        'fw-cap-partition',
        1,
        'CP, because if both regions accepted spends we could pay out the same balance twice.',
      ),
    ).toEqual([]);
    expect(kinds('q1-2-uptime-9999', 4, 'If the database is down we stop taking orders.')).toContain('misconception');
  });

  it('a heading sentence is argued by the sentence after it', () => {
    expect(
      scoreStep(step('fw-cap-partition', 1), 'CP. Otherwise the same balance could be spent twice.')!.reasoned,
    ).toEqual(['CP', 'double spend']);
  });

  it('a dismissal under a condition is nuance: "if Postgres is slow, more instances will not help"', () => {
    expect(
      scoreStep(
        step('q1-4-p95-latency', 5),
        'Add instances only when they are CPU-saturated; if Postgres is slow, more instances will not help.',
      )!.hit,
    ).toContain('horizontal scaling');
  });

  it('bullets one term a line are separate fragments, not sentences linked by dashes', () => {
    const result = scoreStep(step('q1-4-p95-latency', 2), '- redis\n- cdn\n- ttl\n- hit ratio')!;
    expect(result.reasoned).toEqual([]);
    expect(result.score).toBeLessThanOrEqual(30);
  });

  it('filler words do not make an echo new ("caching things in places")', () => {
    expect(
      scoreStep(
        step('q1-4-p95-latency', 2),
        'I would add caching layers such as Redis and a CDN, caching things in places so that they stay correct.',
      )!.score,
    ).toBe(0);
  });
});

describe('stances, contradictions, misconceptions, numbers, echoes', () => {
  it('recommending both sides of one decision deducts and names both', () => {
    const result = scoreStep(
      step('q1-1-scale-gateway', 1),
      'Scale out with more instances and also scale up to a bigger machine, because both add capacity.',
    )!;
    expect(result.deductions).toContainEqual({
      kind: 'contradiction',
      reason: 'recommends both horizontal scaling and scaling up (a bigger machine) as the main fix for one decision',
      points: 25,
      correction: expect.stringContaining('ceiling'),
    });
    expect(result.hit).not.toContain('horizontal scaling');
  });

  it('an opposite stance deducts its points and carries its correction', () => {
    const result = scoreStep(step('fw-retry-storm', 1), 'Retry immediately so customers are not kept waiting.')!;
    expect(result.deductions).toContainEqual({
      kind: 'opposite',
      reason: 'recommends immediate retries instead of exponential backoff',
      points: 25,
      correction: expect.stringMatching(/^Immediate retries land/),
    });
  });

  it('a misconception deducts its points and carries its correction', () => {
    const result = scoreStep(step('fw-retry-storm', 1), 'Add more retries so every order eventually gets through.')!;
    expect(result.deductions).toContainEqual({
      kind: 'misconception',
      reason: 'misconception: more retries',
      points: 20,
      correction: expect.stringMatching(/^More attempts multiply/),
    });
    expect(result.score).toBe(0);
  });

  it.each([
    [
      'q1-2-uptime-9999',
      2,
      'That is an error budget of 52.6 minutes a year, because the SLO is 99.99%.',
      'downtime a year at 99.99%: 52.6 min',
      undefined,
    ],
    [
      'q1-2-uptime-9999',
      2,
      'The SLO allows 5.3 minutes a month, so alert on the burn rate.',
      undefined,
      'downtime a month at 99.99%: 5.3 minutes is off',
    ],
    // 4.38 for an average month, 4.32 for a 30-day month: 4.3 is right.
    [
      'q1-2-uptime-9999',
      2,
      'The SLO allows 4.3 minutes a month, so alert on the burn rate.',
      'downtime a month at 99.99%: 4.38 min',
      undefined,
    ],
    [
      'q1-2-uptime-9999',
      2,
      'The SLO allows 4.2 minutes a month, so alert on the burn rate.',
      undefined,
      'downtime a month at 99.99%: 4.2 minutes is off',
    ],
    [
      'fw-retry-storm',
      0,
      'Two layers of three retries give (1 + 3) × (1 + 3) = 16 attempts per request.',
      'attempts per customer request: 16',
      undefined,
    ],
    [
      'fw-retry-storm',
      0,
      'Three retries at each of two layers is 3 × 3 = 9 times the load.',
      undefined,
      'attempts per customer request: 9 times is off',
    ],
    [
      'fw-backup-rto-rpo',
      0,
      'RTO is thirty minutes of downtime and the RPO one minute of lost orders.',
      'RPO: 1 min',
      undefined,
    ],
  ])('%s step %i: %j', (id, k, answer, hit, wrong) => {
    const result = scoreStep(step(id, k), answer)!;
    if (hit) expect(result.hit).toContain(hit);
    if (wrong) expect(result.deductions).toContainEqual(expect.objectContaining({ kind: 'number', reason: wrong }));
  });

  it("an echo of the step's own prompt earns nothing; adding to it does", () => {
    const s = step('q1-1-scale-gateway', 2);
    expect(scoreStep(s, `${s.title}. ${s.prompt}`)!.score).toBe(0);
    expect(
      scoreStep(s, 'A load balancer in front of the instances, because it spreads orders and ejects dead ones.')!
        .reasoned,
    ).toContain('load balancer');
  });
});

describe('estimates', () => {
  it('an answer in the wrong kind of unit says so instead of a silent 0 (K10)', () => {
    const est = bank.questions
      .find((q) => q.id === 'est-go-coffee-orders')!
      .steps.find((s) => s.estimate?.unit === 'count')!;
    const result = scoreStep(est, '45 minutes')!;
    expect(result.score).toBe(0);
    expect(result.deductions).toEqual([
      {
        kind: 'number',
        reason: '"45 minutes": expected a rate, got a duration',
        points: 100,
        correction: `it is ${est.estimate!.readable}`,
      },
    ]);
    expect(scoreStep(est, '')!.deductions).toEqual([]);
  });
});
