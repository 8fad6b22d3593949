import { describe, expect, it } from 'vitest';
import { BARE_SHARE, conceptCredit, judgeConcept } from '../../../../src/engine/drill/scoring/concepts.js';
import { LIST_CAP, measureDensity } from '../../../../src/engine/drill/scoring/list-density.js';
import { prepare } from '../../../../src/engine/drill/scoring/match.js';
import { statesMisconception } from '../../../../src/engine/drill/scoring/misconceptions.js';
import { addsToPrompt, givenStems, novelWords } from '../../../../src/engine/drill/scoring/novelty.js';
import { judgeStance, recommends } from '../../../../src/engine/drill/scoring/stances.js';
import type { RubricConcept } from '../../../../src/engine/drill/types.js';

describe('measureDensity: the shape of an answer, counted by hand', () => {
  it('prose: function words, one long segment with a verb, a reason', () => {
    // we a because the is: 5 of 9 words are function words; "add" is a verb; "because" links.
    expect(measureDensity('We add a cache because the database is slow.')).toEqual({
      words: 9,
      functionShare: 5 / 9,
      verbSegmentShare: 1,
      wordsPerSegment: 9,
      andShare: 0,
      linkedShare: 1,
      list: false,
    });
  });

  it('a kitchen sink: terms strung with "and"', () => {
    // 7 words, 3 of them "and"; split at each "and": 4 segments of 1 word, no verb.
    expect(measureDensity('Redis and Kafka and Postgres and Nginx')).toEqual({
      words: 7,
      functionShare: 0,
      verbSegmentShare: 0,
      wordsPerSegment: 1,
      andShare: 3 / 7,
      linkedShare: 0,
      list: true,
    });
  });

  it('terms with their reason are an argument (the documented "P95/P99, since averages hide the tail")', () => {
    // Segments p95 | p99 | since averages hide the tail: 7 words in 3, no verb from the list; since, the.
    expect(measureDensity('P95/P99, since averages hide the tail')).toEqual({
      words: 7,
      functionShare: 2 / 7,
      verbSegmentShare: 0,
      wordsPerSegment: 7 / 3,
      andShare: 0,
      linkedShare: 1,
      list: false,
    });
  });

  it.each([
    // Under four words an answer is too short to judge.
    ['Redis, Kafka, Postgres', false],
    ['Redis, Kafka, Postgres, Nginx', true],
    // A bracketed enumeration is part of its sentence.
    ['We watch the saturation of the node (CPU, memory, GC, disk) before we add more nodes.', false],
    ['CPU, memory, GC, disk', true],
    // Verbless short segments ("strong for payments, eventual for menus, quota").
    ['strong for payments, eventual for menus, quota', true],
    // Half the sentences linked, joiners rare: argued. A third linked: a list.
    ['Redis, Kafka, Postgres. Kafka since it keeps order.', false],
    ['Redis, Kafka, Postgres. Nginx, Envoy. Kafka since it keeps order.', true],
    // Words ending -ed/-nt count as verbs: "replicated, sharded, cached" segments hold one each.
    ['data replicated across zones, writes sharded by store, menus cached at the edge', false],
    ['', false],
  ])('%j: list %s', (answer, list) => {
    expect(measureDensity(answer).list).toBe(list);
  });

  it('"&" and "plus" join like "and"', () => {
    expect(measureDensity('Redis & Kafka plus Postgres').andShare).toBe(2 / 4);
    expect(measureDensity('a + b').words).toBe(2);
  });

  it('caps at 30', () => {
    expect(LIST_CAP).toBe(30);
  });
});

const concept = (over: Partial<RubricConcept> = {}): RubricConcept => ({
  concept: 'read replicas',
  synonyms: ['replica set'],
  weight: 1,
  ...over,
});

describe('judgeConcept', () => {
  const given = givenStems({ title: 'Scale reads', prompt: 'The menu database is overloaded by reads.' });
  it.each([
    ['Add read replicas because the menu is read far more than written.', 'reasoned'],
    ['Add read replicas to the cluster.', 'bare'],
    ['Use a replica set to absorb traffic.', 'reasoned'],
    ['No read replicas.', 'missed'],
    ['Read replicas are overkill.', 'dismissed'],
    ['Read replicas for reads, and later read replicas are overkill.', 'dismissed'],
    ['Should we add read replicas for this menu traffic?', 'echoed'],
    ['', 'missed'],
  ])('%j: %s', (answer, status) => {
    expect(judgeConcept(prepare(answer), concept(), given).status).toBe(status);
  });

  it('one new word is an echo unless the answer took a side of a posed decision', () => {
    const posed = givenStems({ title: 'Replicas', prompt: 'Would read replicas help the menu?' });
    expect(judgeConcept(prepare('Read replicas, nightly.'), concept(), posed).status).toBe('echoed');
    expect(judgeConcept(prepare('Read replicas, nightly.'), concept(), posed, true).status).toBe('bare');
  });

  it('one reasoned mention is enough', () => {
    expect(
      judgeConcept(prepare('Add more read replicas now. Read replicas help because reads dominate.'), concept(), given)
        .status,
    ).toBe('reasoned');
  });

  it('its own because: phrases give it its reason', () => {
    expect(judgeConcept(prepare('Add read replicas, reads dominate.'), concept(), given).status).toBe('bare');
    expect(
      judgeConcept(prepare('Add read replicas, reads dominate.'), concept({ because: ['reads dominate'] }), given)
        .status,
    ).toBe('reasoned');
  });

  it('a side of a decision the prompt poses needs one new word, not two', () => {
    const posed = givenStems({ title: 'Up or out', prompt: 'Scale up or scale out?' });
    const out = concept({ concept: 'scale out', synonyms: [] });
    expect(judgeConcept(prepare('Scale out, stateless.'), out, posed, false).status).toBe('echoed');
    expect(judgeConcept(prepare('Scale out, stateless.'), out, posed, true).status).toBe('bare');
  });

  it.each([
    ['reasoned', 1],
    ['bare', BARE_SHARE],
    ['echoed', 0],
    ['dismissed', 0],
    ['missed', 0],
  ] as const)('%s earns %d of the weight', (status, credit) => {
    expect(conceptCredit(status)).toBe(credit);
  });

  it('a bare mention earns 0.3', () => {
    expect(BARE_SHARE).toBe(0.3);
  });
});

describe('novelty: content words the prompt does not hold', () => {
  const given = givenStems({ title: 'Cache the menu', prompt: 'Would caching help the menu?' });
  it('counts content words per sentence, leaving out the given, function words, fillers and numbers', () => {
    const t = prepare('Cache the menu things in Redis for 60 seconds. Menu.');
    // cache, menu: given; the, in, for: function words; things: filler; 60: a number. Redis, seconds: new.
    expect(novelWords(t, 0, given)).toBe(2);
    expect(novelWords(t, 1, given)).toBe(0);
  });

  it('a mention adds to the prompt with a new word of its own, or two new words in its sentence', () => {
    const mentionOf = (text: string, start: number, end: number) =>
      addsToPrompt(prepare(text), { start, end, inner: false }, given);
    expect(mentionOf('Cache the menu.', 0, 0)).toBe(false);
    expect(mentionOf('Cache the menu in Redis.', 0, 0)).toBe(false); // one new word in its sentence is not enough
    expect(mentionOf('Cache the menu in Redis nightly.', 0, 0)).toBe(true);
    expect(mentionOf('Redis cache.', 0, 1)).toBe(true); // "redis" is inside the mention
    // A heading sentence (three words or fewer) is continued by the next sentence.
    expect(mentionOf('Cache the menu. Redis, nightly.', 0, 0)).toBe(true);
    expect(mentionOf('Cache the whole menu. Redis, nightly.', 0, 0)).toBe(false);
  });
});

describe('stances and misconceptions', () => {
  const out: RubricConcept = {
    concept: 'scale out',
    synonyms: ['more instances'],
    weight: 1,
    opposite: { stance: 'scale up', phrases: ['scale up', 'bigger machine'], correction: '', points: 20 },
  };
  it.each([
    ['Scale out.', 'right'],
    ['More instances.', 'right'],
    ['Get a bigger machine.', 'opposite'],
    ['Scale out, and scale up.', 'both'],
    ['Nothing about it.', 'none'],
    ['Should we scale up?', 'none'], // a question recommends nothing
    ['The risk of a bigger machine is a ceiling.', 'none'],
    // A reason that names the other side argues for this one, in the clause the link opens.
    ['Scale out, because a bigger machine stays one box.', 'right'],
    ['Get a bigger machine, since more instances need a balancer.', 'opposite'],
    ['Scale out, otherwise a bigger machine is all we have.', 'right'],
    ['Scale out because it is stateless, and scale up too.', 'both'], // a new clause, a new claim
    ['Scale up because we scale out later.', 'opposite'],
    ['Because a bigger machine is simple, scale out.', 'both'], // the link comes before either side
  ])('%j: %s', (answer, stance) => {
    expect(judgeStance(prepare(answer), out)).toBe(stance);
  });

  it('words inside a longer phrase of the other side belong to that phrase', () => {
    const nightly: RubricConcept = {
      concept: 'nightly backups are not enough',
      synonyms: ['nightly backups are out'],
      weight: 1,
      opposite: { stance: 'nightly backups', phrases: ['nightly backups'], correction: '', points: 20 },
    };
    expect(judgeStance(prepare('Nightly backups are out: a day of loss.'), nightly)).toBe('right');
    expect(judgeStance(prepare('Nightly backups, kept for a week.'), nightly)).toBe('opposite');
    expect(judgeStance(prepare('Nightly backups are out, so take nightly backups anyway.'), nightly)).toBe('both');
  });

  it('a concept with no opposite is always on the right side', () => {
    expect(judgeStance(prepare('Scale up.'), { ...out, opposite: undefined })).toBe('right');
    expect(recommends(prepare('Scale up.'), ['scale up'])).toBe(true);
    expect(recommends(prepare('Scale up.'), [])).toBe(false);
  });

  const mis = { patterns: ['exactly once ... retries safe', 'at most once'], points: 20, correction: '' };
  it.each([
    ['Exactly once delivery makes retries safe.', 'exactly once ... retries safe'],
    ['Retries are safe with exactly once delivery.', 'exactly once ... retries safe'],
    ['Exactly once delivery. Retries are safe.', undefined], // parts in two sentences
    ['Exactly once delivery does not make retries safe.', undefined], // rebutted
    ['Is exactly once delivery what makes retries safe?', undefined], // a question
    ['Use at most once.', 'at most once'],
    ['', undefined],
  ])('%j states %j', (answer, pattern) => {
    expect(statesMisconception(prepare(answer), mis)).toBe(pattern);
  });
});
