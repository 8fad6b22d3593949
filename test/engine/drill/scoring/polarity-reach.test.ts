import { describe, expect, it } from 'vitest';
import { findMentions, mentions, prepare } from '../../../../src/engine/drill/scoring/match.js';
import {
  critiqued,
  dismissedAfter,
  isClauseBreak,
  isNegator,
  negated,
  negatedBefore,
  rejected,
} from '../../../../src/engine/drill/scoring/polarity.js';
import { hasReason, sentenceHasLink } from '../../../../src/engine/drill/scoring/reasons.js';

// Filler words below ("big", "fast", "shared", "redis", "layer") are neither negators, clause breaks
// nor critique words, so only the distance decides.
const first = (text: string, phrase: string) => {
  const t = prepare(text);
  const [m] = findMentions(t, phrase);
  if (!m) throw new Error(`${phrase} not found in ${text}`);
  return { t, m };
};

describe('a negator reaches four words back, inside its clause', () => {
  it.each([
    ['no caching', true],
    ['no big shared redis caching', true], // "no" four words back
    ['no big fast shared redis caching', false], // five
    ['no redis, caching', false], // a comma ends its clause
    ['no redis but caching', false], // "but" is a clause break
    ['no redis or caching', true], // "or" is no break for a negation ("no X or Y" rejects both)
    ['instead of caching', true],
    ['rather than caching', true],
    ['instead caching', false],
    ['rather caching', false],
    ['instead, caching', false],
    // A verb of refusal before "or" is one of two actions; a particle before "or" rejects both.
    ['skip or caching', false],
    ['avoid or caching', false],
    ['never or caching', true],
    ['skip the caching', true],
  ])('%j: negated %s', (text, expected) => {
    const { t, m } = first(text, 'caching');
    expect(negatedBefore(t, m.start)).toBe(expected);
    expect(negated(t, m)).toBe(expected);
  });

  it('a negator between the words of a phrase negates it ("the gateway is not the bottleneck")', () => {
    const { t, m } = first('the gateway is not the bottleneck', 'gateway is the bottleneck');
    expect(m.inner).toBe(true);
    expect(negated(t, m)).toBe(true);
    expect(first('the gateway is the bottleneck', 'gateway is the bottleneck').m.inner).toBe(false);
  });

  it('negators and clause breaks', () => {
    expect(['no', 'without', 'never', 'dont', 'isnt'].every(isNegator)).toBe(true);
    expect(['or', 'but', 'and', 'so', 'because'].every(isClauseBreak)).toBe(true);
    expect(isNegator('yes')).toBe(false);
    expect(isClauseBreak('with')).toBe(false);
  });
});

describe('a dismissal after a term reaches six words, inside its clause', () => {
  it.each([
    ['caching is overkill', true],
    ['caching a b c d e overkill', true], // six words after
    ['caching a b c d e f overkill', false], // seven
    ['caching, overkill', false],
    ['caching and redis overkill', false],
    ['caching is not needed', true],
    ['caching is not at all needed', true], // the predicate within three words of the negator
    ['caching is not really very much needed', false],
    ['caching is not the answer', true],
    ['caching converges no matter the order', false],
    ['if it is slow caching is overkill', false], // a condition in the sentence: nuance
    ['only then caching is overkill', false],
    ['caching is great. Redis is overkill', false],
    ['caching only adds overhead', true],
    ['caching only delays the fix', true],
    ['caching is not worth it', true],
    ['caching only, adds overhead', false], // the phrase must stay in the term's clause
    ['caching adds a little overhead', false],
    ['if it is slow, caching is overkill', false], // the condition's next clause
    ['if it is slow, redis is fine, and caching is overkill', true], // two clauses on: out of its reach
  ])('%j: dismissed %s', (text, expected) => {
    const { t, m } = first(text, 'caching');
    expect(dismissedAfter(t, m.end)).toBe(expected);
    expect(rejected(t, m)).toBe(expected);
  });
});

describe('critiqued: a critique word before, after, or in a later contrasting clause', () => {
  it.each([
    ['the risk of scaling up', true],
    ['risk big fast shared redis layer scaling up', true], // six words before
    ['risk big fast shared redis layer cache scaling up', false], // seven
    ['if we keep scaling up', true], // a condition three words back
    ['if we keep on scaling up', false], // four
    ['scaling up hits a ceiling', true],
    ['scaling up a b c d e ceiling', true], // after: six words
    ['scaling up a b c d e f ceiling', false],
    ['scaling up so we never run short', false], // a joiner ends the stance's words
    ['scaling up is quick, but it hits a ceiling', true],
    ['scaling up is quick, and it hits a ceiling', false], // no contrast opens the clause
    ['scaling up is quick, yet not now', false], // a plain negation in the contrast is no critique
    ['scaling up is quick. But it hits a ceiling', false], // another sentence
    // The contrast reaches 16 words past the stance ("but" is itself a critique there).
    [`scaling up is quick, ${'x '.repeat(13)}but fine`, true],
    [`scaling up is quick, ${'x '.repeat(14)}but fine`, false],
    ['scaling up is quick', false],
    ['no scaling up', true],
    // After a heading's colon a negation is the verdict only as its first word.
    ['scaling up: it keeps no state', false],
    ['scaling up keeps no state', true],
    ['scaling up: never', true],
    ['scaling up: it hits a ceiling', true],
    ['scaling up in both regions would conflict', true],
    ['scaling up would just send even more load at the database', true],
    ['scaling up moves the bottleneck', true],
    ['scaling up sends load to the database', false],
    ['scaling up is unnecessary if the load is low', true], // a verdict under a condition recommends nothing
    // A stance inside a condition the sentence goes on past is weighed, not recommended.
    ['if both regions keep scaling up, the bill grows', true],
    ['even if both regions keep scaling up, fine', true],
    ['if both regions keep scaling up the bill grows', false], // no comma: the condition's end is unknown
    ['if both regions keep scaling up.', false], // the sentence ends with it
    ['when both regions keep scaling up, fine', false],
  ])('%j: %s', (text, expected) => {
    const { t, m } = first(text, 'scaling up');
    expect(critiqued(t, m)).toBe(expected);
  });
});

describe('findMentions: phrases with one word of gap, short ones in any order', () => {
  it.each([
    ['read replicas', 'read replicas', [[0, 1]]],
    ['read only replicas', 'read replicas', [[0, 2]]],
    // Four words or more match only in order, with at most one word between two of them.
    ['cache x the hot menu', 'cache the hot menu', [[0, 4]]],
    ['cache x y the hot menu', 'cache the hot menu', []],
    ['read the only replicas', 'read replicas', [[0, 3]]], // two words between: in any order's span
    ['replicas for reads', 'read replicas', [[0, 2]]], // any order, within the span
    ['replicas a b c reads', 'read replicas', [[0, 4]]], // span: 2 words + 3
    ['replicas a b c d reads', 'read replicas', []],
    ['failover is automatic', 'automatic failover', [[0, 2]]],
    // An ordered word keeps the order: "reply before comment" is not "comment before reply".
    ['reply before comment', 'comment before reply', []],
    ['comment before reply', 'comment before reply', [[0, 2]]],
    // Four words or more only in order.
    ['cache the hot menu', 'hot menu cache the', []],
    ['strong for payments and menus eventual', 'strong menus', []], // a joiner in between
    ['', 'cache', []],
    ['cache', '', []],
  ])('%j finds %j at %j', (text, phrase, spans) => {
    expect(findMentions(prepare(text), phrase).map((m) => [m.start, m.end])).toEqual(spans);
  });

  it('finds every occurrence, sorted, without doubling one found both ways', () => {
    expect(findMentions(prepare('scale out, out scale, scale out'), 'scale out').map((m) => m.start)).toEqual([
      0, 2, 4,
    ]);
  });

  it('typos: one within 7 letters, two from 10, never in the first letter or in digits', () => {
    expect(mentions(prepare('replcas'), 'replicas')).toBe(true);
    expect(mentions(prepare('rplcas'), 'replicas')).toBe(false);
    expect(mentions(prepare('bakcup'), 'backup')).toBe(false); // 6 letters: no typo allowed
    expect(mentions(prepare('idempotancy'), 'idempotency')).toBe(true);
    expect(mentions(prepare('idmpotancy'), 'idempotency')).toBe(true);
    expect(mentions(prepare('dempotency'), 'idempotency')).toBe(false);
    expect(mentions(prepare('p98'), 'p99')).toBe(false);
    expect(mentions(prepare('10000000'), '10000001')).toBe(false);
  });
});

describe('reasons: a link in the sentence, opening the next, or after a heading', () => {
  const reason = (text: string, because: string[] = []) => hasReason(prepare(text), 0, because);
  it.each([
    ['Cache the menu because it rarely changes.', true],
    ['Cache the menu so that reads are cheap.', true],
    ['Cache the menu. That is because it rarely changes.', true],
    ['Cache the menu. That way reads stay cheap.', true],
    ['Cache the menu. It is way cheaper.', true],
    ['Cache the menu. This means fewer reads.', true],
    ['Cache the menu. Reads are cheap.', false],
    ['Cache the whole menu. Reads are cheap because of it.', false], // the link is not at the opening
    ['Cache the menu. Reads are cheap because of it.', true], // three words: a heading
    ['Cache. Reads are cheap because of it.', true], // a heading of one word is argued by the next
    ['Cache the menu now. Reads are cheap because of it.', false], // four words: not a heading
    ['Cache the menu -> fewer reads.', true],
    ['Cache the menu => fewer reads.', true],
    ['Cache the menu → fewer reads.', true],
    ['reads = cheap', true],
    ['reads == cheap', false],
    ['reads <= cheap', false],
    ['Cache: reads become much cheaper.', true],
    ['Cache: cheap.', false],
    ['Cache the menu — it rarely changes.', true],
    ['Cache the menu.', false],
    ['stale-while-revalidate on the menu.', false], // "while" inside a hyphenated name
  ])('%j: %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });

  it.each([
    // A time bound in prose says what a step achieves; "every" is a frequency, not a bound.
    ['Patroni detects the loss and promotes the standby in under a minute.', true],
    ['Traffic moves to the other zones within 30 s of the loss.', true],
    ['The promoted replica takes seconds to accept writes again.', true],
    ['Keep a replica in another zone and promote it, that takes minutes.', true],
    ['Health checks run against every instance every 5 s.', false],
    ['Patroni promotes in 30 s.', false], // five words: too short to explain
    ['standby, replica, failover in 30 s, Patroni, restore drills', false], // a list of terms: no prose around it
    // Exactly a fifth function words ("the", "of") is prose enough; a tenth is not.
    ['Patroni promotes the standby within 30 s of detected failures.', true],
    ['Patroni promotes the standby within 30 s following detected failures.', false],
    // The ways a bound is written: decimals, number words, "a few", units spelt out, a bare "seconds".
    ['The router drains the zone within 1.5 seconds of the alarm.', true],
    ['The standby is promoted in two minutes by the operator.', true],
    ['A new pod is ready in a few seconds after the rollout.', true],
    ['The restore of the dump is taking 3 hours on this disk.', true],
    ['The failover completes within seconds of the loss.', true],
    ['The promotion of the replica takes minutes at the most.', true],
    ['The order of the replicas is spread in 3 zones of the region.', false], // zones are no unit of time
    ['The rollout of the gateway runs in 5 msgs per batch.', false], // the unit must end there
  ])('time bound %j: %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });

  it.each([
    // What a change prevents, in any person: "X stop(s)/keep(s) Y from Z".
    ['Circuit breakers stop a slow dependency from tying up every worker.', true],
    ['Bulkheads keep one noisy caller from taking all the threads.', true],
    ['Stop the retries at the gateway and add a breaker.', false],
    ['Breakers stop it from.', false], // too short to explain
  ])('prevents %j: %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });

  it.each([
    // Evidence and what it shows is an argument.
    ['The flat log-end offset rules out a hot partition.', true],
    ['A committed offset that stands still points at a poison message.', true],
    ['High CPU with idle disks suggests a missing index.', true],
    ['A hot partition and a poison message.', false],
  ])('inference %j: %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });

  it('a clause after a semicolon takes its reason from the clause before, not across a full stop', () => {
    const after = (text: string) => hasReason(prepare(text), 1, []);
    expect(after('Only a few buckets sit near 100 ms, so P95 is coarse; use custom buckets.')).toBe(true);
    expect(after('Only a few buckets sit near 100 ms, so P95 is coarse. Use custom buckets.')).toBe(false);
    expect(after('Only a few buckets sit near 100 ms; use custom buckets.')).toBe(false);
  });

  it.each([
    ['Labels with the raw path or user ID explode cardinality.', true],
    ['Per-user labels blow up the number of series.', true],
    ['Cardinality explodes.', false], // too short to explain
  ])('effect %j: %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });

  it.each([
    // After a semicolon the next clause argues this one; after a full stop only its opening link does.
    ['Each region picks consistency or availability; it cannot have both while partitioned.', true],
    ['Each region picks consistency or availability. It cannot have both while partitioned.', false],
    ['Each region picks consistency or availability; both regions keep serving.', false],
  ])('semicolon %j: %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });

  it("a concept's own because: phrases count in its sentence, unless negated", () => {
    expect(reason('Scale out, stateless gateway.', ['stateless'])).toBe(true);
    expect(reason('Scale out, not stateless.', ['stateless'])).toBe(false);
    expect(reason('Scale out. Stateless gateway.', ['stateless'])).toBe(false);
  });

  it('sentenceHasLink looks only inside its sentence, and a link phrase must fit in it', () => {
    const t = prepare('Add replicas due. To load we shard.');
    expect(sentenceHasLink(t, 0)).toBe(false); // "due" ends the sentence before "to"
    expect(sentenceHasLink(prepare('Add replicas due to load.'), 0)).toBe(true);
    expect(sentenceHasLink(prepare('Add replicas. Because.'), 0)).toBe(false);
    expect(sentenceHasLink(prepare('Add replicas. Because.'), 1)).toBe(true);
  });

  it.each([
    ['A composite index turns a scan into a lookup.', true],
    ['Batching removes dozens of round trips.', true],
    ['pprof shows whether time is spent computing or waiting.', true],
    ['The dashboard shows latency.', false], // what it shows is no reason
    ['Add an index on created_at.', false],
    // A gloss is no explanation: six words with a function word at least.
    ['Batching removes costly network round trips.', false], // six words, none a function word
    ['Batching removes the round trips.', false], // five words
    ['indexes (cuts scans)', false],
  ])('what a change does is a reason: %j → %s', (text, expected) => {
    expect(sentenceHasLink(prepare(text), 0)).toBe(expected);
  });
});

describe('findMentions: a percentage in a rubric matches only a percentage', () => {
  it.each([
    ['cap retries at a 10% budget', 1],
    ['increase the retries to 10 at every layer', 0],
    ['10 % of requests', 0],
  ])('%j: %i', (text, count) => {
    expect(findMentions(prepare(text), '10%')).toHaveLength(count);
  });
});

describe('findMentions: a phrase does not run across a bracket', () => {
  it.each([
    ['requests waited too long (queue age above the timeout)', 'longer queue', 0],
    ['a long queue (of requests)', 'longer queue', 1],
    ['a queue (too long)', 'longer queue', 0],
    ['drop requests (queue age above the timeout)', 'queue age', 1],
  ])('%j, %j: %i', (text, phrase, count) => {
    expect(findMentions(prepare(text), phrase)).toHaveLength(count);
  });
});

describe('findMentions: any order does not take a word out of a hyphenated name', () => {
  it.each([
    ['the load balancer is a managed, multi-zone one', 0],
    ['put everything in zone one', 1], // any order, no name
    ['everything in one zone', 1],
    ['a one-zone deployment', 1], // in order, the name itself
  ])('%j: %i', (text, count) => {
    expect(findMentions(prepare(text), 'one zone')).toHaveLength(count);
  });
});
