import type { Mention } from './match.js';
import { phraseAt, type PreparedText } from './text.js';

/**
 * Whether a mention is affirmed, negated, dismissed or argued against. Negation looks both ways
 * inside the clause: "no caching", "caching isn't needed", "skip the cache". A rebuttal that puts
 * a comma between the term and its "not" ("the cache is a convenience, not the source of truth")
 * negates what follows the "not", not the cache.
 */

/** Words that, shortly before a phrase, say the answer rejects it ("no caching", "without a cache"). */
// Stryker disable StringLiteral: vocabulary (see function-words.ts)
const NEGATORS = new Set([
  'no',
  'not',
  'none',
  'nothing',
  'nobody',
  'without',
  'never',
  'avoid',
  'avoids',
  'avoiding',
  'skip',
  'neither',
  'nor',
  'cannot',
  'forget',
  'ignore',
  'dont',
  'doesnt',
  'didnt',
  'wont',
  'cant',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'shouldnt',
  'wouldnt',
  'mustnt',
  'neednt',
]);
// Stryker restore StringLiteral
/**
 * Words that reject what follows only with their partner: "instead of Postgres", "rather than a
 * cache"; "instead, add replicas" and "instead add replicas" recommend the replicas.
 */
const NEGATOR_PAIRS: Record<string, string> = { instead: 'of', rather: 'than' };
/** Negators that are verbs: before "or" they are one of two actions ("skip or retry"), not a negation. */
const REFUSAL_VERBS = new Set(['avoid', 'avoids', 'avoiding', 'skip', 'forget', 'ignore']);
/** How many words back a negator reaches: "don't add any more retries" still negates "retries". */
const NEGATION_REACH = 4;
/** Words a negation does not reach across: "no cache but retries" leaves "retries" positive. */
const CLAUSE_BREAKS = new Set(['but', 'and', 'then', 'so', 'because', 'while', 'however', 'also', 'which', 'since']);

/** After a term, a negator followed by one of these dismisses it: "X isn't needed", "X won't help". */
// Stryker disable StringLiteral: vocabulary (see function-words.ts)
const DISMISS_PREDICATES = [
  'needed',
  'necessary',
  'required',
  'useful',
  'helpful',
  'important',
  'relevant',
  'worth',
  'help',
  'helps',
  'matter',
  'matters',
  'work',
  'works',
  'happen',
  'occur',
  'the answer',
  'the fix',
  'the problem',
  'the bottleneck',
  'the cause',
  'the issue',
  'a good idea',
  'an option',
  'advisable',
  'wise',
  'needed here',
  'a concern',
  'an issue',
  'a problem',
  // Stryker restore StringLiteral
].map((p) => p.split(' '));
/** After a term, these dismiss it on their own: "X is overkill", "X is mostly noise". */
// Stryker disable StringLiteral: vocabulary (see function-words.ts)
const DISMISS_WORDS = new Set([
  'unnecessary',
  'pointless',
  'overkill',
  'noise',
  'useless',
  'irrelevant',
  'needless',
  'optional',
  'overrated',
  'waste',
  'distraction',
  'premature',
  'superfluous',
  'unneeded',
  'noisy',
]);
// Stryker restore StringLiteral
/** After a term, these phrases dismiss it: "health checks only add overhead", "profiling only delays the fix". */
// Stryker disable StringLiteral: vocabulary (see function-words.ts)
const DISMISS_PHRASES = [
  'only adds overhead',
  'only add overhead',
  'just adds overhead',
  'just add overhead',
  'only delays',
  'only delay',
  'only slows',
  'a waste of time',
  'not worth it',
  'too noisy',
].map((p) => p.split(' '));
// Stryker restore StringLiteral
const DISMISS_REACH = 6;

/** Before a stance, these argue against it: "the risk of scaling up", "scale out over scaling up". */
// Stryker disable StringLiteral: vocabulary (see function-words.ts)
const CRITIQUE_BEFORE = new Set([
  ...NEGATORS,
  'against',
  'over',
  'than',
  'vs',
  'versus',
  'unlike',
  'risk',
  'risks',
  'problem',
  'trouble',
  'danger',
  'downside',
  'drawback',
  'mistake',
  'tempting',
  'temptation',
  'resist',
  'instead',
  'rather',
  'beyond',
  'wrong',
  'rule',
  'rules',
  'ruled',
  'exclude',
  'excludes',
  'forbid',
  'forbids',
  // Nouns that name a stance's weakness: "the single point of failure of a bigger machine".
  'failure',
  'ceiling',
  'limits',
  'weakness',
  'pitfall',
  'pitfalls',
]);
// Stryker restore StringLiteral
/** After a stance, these argue against it: "vertical scaling hits a ceiling", "retrying at once amplifies the load". */
// Stryker disable StringLiteral: vocabulary (see function-words.ts)
const CRITIQUE_AFTER = new Set([
  ...NEGATORS,
  'conflict',
  'conflicts',
  'collide',
  'diverge',
  'limit',
  'limits',
  'limited',
  'ceiling',
  'risk',
  'risky',
  'risks',
  'expensive',
  'costly',
  'fragile',
  'fail',
  'fails',
  'breaks',
  'worse',
  'bad',
  'wrong',
  'mistake',
  'downside',
  'drawback',
  'problem',
  'only',
  'but',
  'though',
  'although',
  'however',
  'stopgap',
  'temporary',
  'dangerous',
  'unsafe',
  'spof',
  'loses',
  'lose',
  'amplifies',
  'amplify',
  'multiplies',
  'hurts',
  'blocks',
  'fallacy',
  'myth',
  'trap',
  'misses',
  'ignores',
  'breaks',
  'oversells',
  'oversell',
  'hides',
  'hide',
  'masks',
  'misleads',
  'misleading',
  'pointless',
  'overkill',
  'insufficient',
  'inadequate',
  'harmful',
  'single',
  'tempting',
  'naive',
]);
// Stryker restore StringLiteral
/** After a stance, these phrases argue against it: "more gateways would just send even more load at the database". */
// Stryker disable StringLiteral: vocabulary (see function-words.ts)
const CRITIQUE_AFTER_PHRASES = [
  'would just',
  'even more load',
  'more load on',
  'more load at',
  'more load to',
  'makes it worse',
  'make it worse',
  'moves the bottleneck',
  'move the bottleneck',
  'moves the queue',
  'move the queue',
].map((p) => p.split(' '));
// Stryker restore StringLiteral
const CRITIQUE_REACH = 6;
/**
 * A stance right after a condition is hypothetical: "if both regions accepted spends, …". Only a few
 * words back, so "if the database is down we stop taking orders" still recommends stopping.
 */
const HYPOTHETICAL = new Set(['if', 'unless', 'whether', 'suppose', 'were']);
const HYPOTHETICAL_REACH = 3;
/**
 * A critique may also come later in the sentence, in a clause that opens with a contrast: "scaling
 * up is a quick one-off, but it hits a ceiling". Plain negations there do not count ("scaling up is
 * quick, yet not now").
 */
const CRITIQUE_CONTINUES = new Set(['but', 'though', 'although', 'however', 'yet', 'which']);
const CRITIQUE_SENTENCE_REACH = 16;

export function isClauseBreak(word: string): boolean {
  return CLAUSE_BREAKS.has(word) || word === 'or';
}

export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}

/** A mention negated before it or between its words. */
export function negated(text: PreparedText, mention: Mention): boolean {
  return mention.inner || negatedBefore(text, mention.start);
}

/** A negator up to NEGATION_REACH words before `start`, in its clause. */
export function negatedBefore(text: PreparedText, start: number): boolean {
  for (let back = 1; back <= NEGATION_REACH && start - back >= 0; back += 1) {
    const at = start - back;
    if (text.clause[at] !== text.clause[start] || CLAUSE_BREAKS.has(text.raw[at])) return false;
    // "skip or dead-letter the message": a verb of refusal coordinated with another verb is an alternative action.
    if (NEGATORS.has(text.raw[at]) && !(REFUSAL_VERBS.has(text.raw[at]) && text.raw[at + 1] === 'or')) return true;
    const partner = NEGATOR_PAIRS[text.raw[at]];
    if (partner !== undefined && text.raw[at + 1] === partner && at + 1 < start) return true;
  }
  return false;
}

const CONDITIONS = new Set(['if', 'unless', 'when', 'only', 'until']);

/**
 * "X isn't needed", "X is mostly noise", "X won't help": a verdict against the term after it, in its
 * clause. A verdict under a condition is nuance, not rejection: "if Postgres is slow, more instances won't help".
 */
export function dismissedAfter(text: PreparedText, end: number, evenUnderCondition = false): boolean {
  const phrase = dismissPhraseAfter(text, end);
  // A condition governs its own clause and the one after it ("if Postgres is slow, more instances
  // won't help"); the phrase's own "only" ("only adds overhead") is none.
  const conditional = text.raw.some(
    (word, i) =>
      text.sentence[i] === text.sentence[end] &&
      text.clause[end] - text.clause[i] <= 1 &&
      CONDITIONS.has(word) &&
      (phrase === undefined || i < phrase.start || i > phrase.end),
  );
  if (conditional && !evenUnderCondition) return false;
  if (phrase !== undefined) return true;
  for (let i = end + 1; i <= end + DISMISS_REACH && i < text.raw.length; i += 1) {
    if (text.clause[i] !== text.clause[end] || CLAUSE_BREAKS.has(text.raw[i])) return false;
    if (DISMISS_WORDS.has(text.raw[i])) return true;
    // "converge no matter the order" is an idiom, not a verdict.
    if (NEGATORS.has(text.raw[i]) && text.raw[i + 1] !== 'matter' && predicateWithin(text, i + 1, 3)) return true;
  }
  return false;
}

/** Where one of {@link DISMISS_PHRASES} stands after the term, in its clause, within the reach. */
function dismissPhraseAfter(text: PreparedText, end: number): { start: number; end: number } | undefined {
  for (let i = end + 1; i <= end + DISMISS_REACH && i < text.raw.length; i += 1) {
    if (text.clause[i] !== text.clause[end] || CLAUSE_BREAKS.has(text.raw[i])) return undefined;
    const phrase = DISMISS_PHRASES.find((p) => phraseAt(text, i, p, end));
    if (phrase) return { start: i, end: i + phrase.length - 1 };
  }
  return undefined;
}

function predicateWithin(text: PreparedText, from: number, reach: number): boolean {
  for (let i = from; i < from + reach && i < text.raw.length; i += 1) {
    if (text.clause[i] !== text.clause[from - 1]) return false;
    if (DISMISS_PREDICATES.some((p) => phraseAt(text, i, p))) return true;
  }
  return false;
}

/** Whether a mention is set against: negated, or dismissed after. */
export function rejected(text: PreparedText, mention: Mention): boolean {
  return negated(text, mention) || dismissedAfter(text, mention.end);
}

/**
 * Whether a stance is argued against rather than recommended: a critique word near it in its
 * clause, before ("the risk of scaling up") or after ("scaling up hits a ceiling").
 */
export function critiqued(text: PreparedText, mention: Mention): boolean {
  const { start, end } = mention;
  // A verdict under a condition is nuance for credit, but no recommendation either: "invalidation
  // is unnecessary if the TTL is long enough" does not recommend invalidation.
  if (negated(text, mention) || dismissedAfter(text, end, true) || inConditionClause(text, start)) return true;
  for (let back = 1; back <= CRITIQUE_REACH && start - back >= 0; back += 1) {
    const at = start - back;
    if (text.clause[at] !== text.clause[start]) break;
    if (CRITIQUE_BEFORE.has(text.raw[at]) || (back <= HYPOTHETICAL_REACH && HYPOTHETICAL.has(text.raw[at])))
      return true;
  }
  // A joiner ends the stance's own words: "retry immediately so customers are not kept waiting".
  for (
    let i = end + 1;
    i <= end + CRITIQUE_REACH &&
    i < text.raw.length &&
    text.clause[i] === text.clause[end] &&
    !CLAUSE_BREAKS.has(text.raw[i]);
    i += 1
  ) {
    // Past a heading's colon a negation is the verdict on the heading only as its first word ("retry
    // at once: never"); later it belongs to the text's own sentence: "scale out: it keeps no state".
    const plainNegation = text.headed[i - 1] && !text.headed[end] && NEGATORS.has(text.raw[i]);
    if (CRITIQUE_AFTER.has(text.raw[i]) && !plainNegation) return true;
    if (CRITIQUE_AFTER_PHRASES.some((p) => phraseAt(text, i, p))) return true;
  }
  return contrastFollows(text, end);
}

/**
 * Whether the word at `at` is inside a condition that its sentence goes on past: "if both regions
 * kept accepting spends, a card could be spent twice" weighs the stance, it does not recommend it.
 * Without the comma the condition's end is unknown ("if CPU is high add instances" recommends), so
 * only the reach of HYPOTHETICAL_REACH applies there.
 */
function inConditionClause(text: PreparedText, at: number): boolean {
  let first = at;
  while (first > 0 && text.clause[first - 1] === text.clause[at]) first -= 1;
  const opens = HYPOTHETICAL.has(text.raw[first]) || (text.raw[first] === 'even' && text.raw[first + 1] === 'if');
  let last = at;
  while (last + 1 < text.raw.length && text.clause[last + 1] === text.clause[at]) last += 1;
  const sentenceGoesOn = last + 1 < text.raw.length && text.sentence[last + 1] === text.sentence[at];
  return opens && sentenceGoesOn;
}

/** A later clause of the sentence that opens with a contrast and holds a critique word. */
function contrastFollows(text: PreparedText, end: number): boolean {
  let inContrast = false;
  for (
    let i = end + 1;
    i <= end + CRITIQUE_SENTENCE_REACH && i < text.raw.length && text.sentence[i] === text.sentence[end];
    i += 1
  ) {
    if (text.clause[i] !== text.clause[i - 1] || CLAUSE_BREAKS.has(text.raw[i]))
      inContrast = CRITIQUE_CONTINUES.has(text.raw[i]);
    if (inContrast && CRITIQUE_AFTER.has(text.raw[i]) && !NEGATORS.has(text.raw[i])) return true;
  }
  return false;
}
