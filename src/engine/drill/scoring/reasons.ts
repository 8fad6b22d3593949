import { FUNCTION_WORDS } from './function-words.js';
import { findMentions } from './match.js';
import { negated } from './polarity.js';
import { phraseAt, type PreparedText } from './text.js';

/**
 * Links that say why, or what follows: a sentence holding one of these gives its concepts a
 * reason. Conditions and contrasts count too ("if the database is the bottleneck, …", "quick, but
 * it has a ceiling"): they are how a design argument weighs one option against another.
 */
// Stryker disable StringLiteral: vocabulary (see function-words.ts)
const LINKS = [
  'because',
  'since',
  'so',
  'therefore',
  'thus',
  'hence',
  'means',
  'meaning',
  'otherwise',
  'else',
  'unless',
  'if',
  'when',
  'whenever',
  'until',
  'but',
  'whereas',
  'while',
  'which',
  'due to',
  'thanks to',
  'given',
  'leads to',
  'lead to',
  'results in',
  'causes',
  'lets',
  'allows',
  'ensures',
  'prevents',
  'avoids',
  'guarantees',
  'keeps',
  'stops',
  'protects',
  // Evidence and what it shows: "the log-end offsets rule out a hot partition", "that points at a poison message".
  'points to',
  'points at',
  'point to',
  'indicates',
  'suggests',
  'implies',
  'rules out',
  'rule out',
  'at the cost of',
  'the cost is',
  'in order to',
  'so that',
  'instead',
  'rather than',
  'in case',
  'as a result',
  'which is why',
  'that is why',
  'thats why',
  'the reason',
  'why',
  'to avoid',
  'to keep',
  'to stop',
  'to prevent',
  'to reduce',
  'to cut',
  'to spread',
  'to protect',
  'to catch',
  'to detect',
  'to find',
  'to see',
  'to know',
  'to confirm',
  'to let',
  'to handle',
  'to absorb',
  'to survive',
  'to limit',
  'to bound',
  'to cap',
  'to free',
  'to save',
  'to lower',
  'to shorten',
  'to tell',
  'to decide',
  'to ensure',
  'to guarantee',
  'to rule',
  'to meet',
  'to serve',
  'to take',
  'to give',
  'to make',
  'to get',
  'to isolate',
  'to drain',
  'to recover',
  'to restore',
  'to fail',
  'to shed',
  'to tolerate',
  'to remove',
  // Stryker restore StringLiteral
].map((link) => link.split(' '));
/**
 * What a change does or a tool tells: "an index turns a scan into a lookup", "pprof shows whether
 * time is spent computing or waiting". A link only in a sentence of {@link EFFECT_MIN_WORDS} words
 * with {@link EFFECT_MIN_FUNCTION_WORDS} function words: a bulleted gloss ("indexes: cuts scans",
 * "pool sizing (reduces waits)") names an effect without explaining it, and a list of such glosses
 * must not read as an argument.
 */
// Stryker disable StringLiteral: vocabulary (see function-words.ts)
const EFFECT_LINKS = [
  'turns',
  'removes',
  'eliminates',
  'reduces',
  'cuts',
  'saves',
  'shows whether',
  'shows where',
  'shows which',
  'reveals',
  'tells us',
  'tells you',
  'explodes',
  'explode',
  'blows up',
  'blow up',
  // Stryker restore StringLiteral
].map((link) => link.split(' '));
const EFFECT_MIN_WORDS = 6;
const EFFECT_MIN_FUNCTION_WORDS = 1;
/**
 * A time bound says what a step achieves, the "how long" of a procedure: "Patroni promotes the standby
 * in under a minute", "traffic moves to the other zones within 30 s". Held to the same sentence length
 * as an effect link; a frequency ("every 5 s") is not a bound.
 */
/** "stop/keep/prevent X from Y", in any person: what a change prevents (the third person is in LINKS already). */
const PREVENTS_FROM = /\b(?:stop|keep|prevent|block|save)\b[^.;!?]{1,60}?\bfrom\b/;
/** Of a sentence's words, at least this share must be function words for its time bound to count. */
const TIME_BOUND_FUNCTION_SHARE = 0.2;
const TIME_BOUND =
  /\b(?:within|in under|in less than|under|in about|in around|in roughly|in|takes?|taking)\s+(?:a few|a|an|one|two|three|five|ten|\d+(?:\.\d+)?)\s*(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?)\b|\b(?:within|in|takes?) (?:seconds|minutes)\b/;

/**
 * Arrows and equals signs link a cause to its effect; so does a colon or a dash between a claim and
 * what explains it ("Scale out: the gateway keeps no state", "it never drains — a metastable failure").
 */
const SYMBOL_LINK = /->|=>|→|⇒|(?<![<>!=])=(?!=)|\w[^:]*:\s*[^\s,;]+\s+[^\s,;]+\s+[^\s,;]+|\w[ \t]+[—–][ \t]+\w/;

const HEADING_WORDS = 3;

/** Whether sentence `s` holds a causal or consequence link. */
export function sentenceHasLink(text: PreparedText, s: number): boolean {
  const first = text.sentence.indexOf(s);
  const at = (link: string[], i: number) => phraseAt(text, i, link, first, 'sentence');
  const words = text.raw.filter((_, i) => text.sentence[i] === s);
  const explains =
    words.length >= EFFECT_MIN_WORDS && words.filter((w) => FUNCTION_WORDS.has(w)).length >= EFFECT_MIN_FUNCTION_WORDS;
  for (let i = 0; i < text.raw.length; i += 1) {
    if (text.sentence[i] !== s || text.compound[i]) continue;
    if (LINKS.some((link) => at(link, i))) return true;
    if (explains && EFFECT_LINKS.some((link) => at(link, i))) return true;
  }
  // "Breakers stop a slow dependency from tying up every worker": what a change prevents.
  if (explains && PREVENTS_FROM.test(text.sentences[s] ?? '')) return true;
  // A time bound needs prose around it: "failover in 30 s" in a list of terms says when, not what follows.
  return (
    explains &&
    TIME_BOUND.test(text.sentences[s] ?? '') &&
    words.filter((w) => FUNCTION_WORDS.has(w)).length >= TIME_BOUND_FUNCTION_SHARE * words.length
  );
}

/**
 * Whether a mention in sentence `s` comes with a reason: a link in its sentence, a link opening
 * the next one ("That is because …", "So …") or in the one after a heading ("CP. …"), one of the
 * concept's own `because` phrases in its sentence, or an arrow in the sentence's raw text.
 */
export function hasReason(text: PreparedText, s: number, because: readonly string[]): boolean {
  if (sentenceHasLink(text, s)) return true;
  if (SYMBOL_LINK.test(text.sentences[s] ?? '')) return true;
  const next = text.raw.findIndex((_, i) => text.sentence[i] === s + 1);
  if (next >= 0 && opensWithLink(text, next)) return true;
  // Clauses joined by a semicolon argue each other: "each region picks C or A; it cannot have both while
  // partitioned", "only a few buckets sit near 100 ms, so P95 is coarse; use custom buckets".
  if (next >= 0 && (text.sentences[s] ?? '').endsWith(';') && sentenceHasLink(text, s + 1)) return true;
  if (s > 0 && (text.sentences[s - 1] ?? '').endsWith(';') && sentenceHasLink(text, s - 1)) return true;
  // A heading sentence ("CP.", "Horizontal.") is argued by the sentence after it.
  if (
    next >= 0 &&
    text.sentence.filter((x) => x === s).length <= HEADING_WORDS &&
    (sentenceHasLink(text, s + 1) || SYMBOL_LINK.test(text.sentences[s + 1] ?? ''))
  )
    return true;
  return because.some((phrase) =>
    findMentions(text, phrase).some((m) => text.sentence[m.start] === s && !negated(text, m)),
  );
}

function opensWithLink(text: PreparedText, first: number): boolean {
  const opening = text.raw.slice(first, first + 4);
  let lead = ['this', 'that', 'it'].includes(opening[0]) ? opening.slice(1) : opening;
  if (lead[0] === 'is' || lead[0] === 'was') lead = lead.slice(1);
  return lead[0] === 'way' || LINKS.some((link) => link.every((word, k) => lead[k] === word));
}
