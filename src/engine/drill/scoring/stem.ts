/**
 * A small suffix-stripping stemmer: enough that "scaling", "scaled", "scales" and "scale", or
 * "replicas" and "replica", or "caches"/"caching"/"cached", reduce to one form. Not Porter: it
 * only needs to be consistent, since answers and rubric words go through the same function.
 */
const RULES: Array<[RegExp, string]> = [
  [/ies$/, 'y'],
  [/ied$/, 'y'],
  [/(ss)es$/, '$1'],
  [/(sh|ch|x|z)es$/, '$1'],
  [/([^s])s$/, '$1'],
  [/eed$/, 'ee'],
  // "automatically" meets "automatic", "vertically" meets "vertical" (both "vertic").
  [/([a-z]{3,})ical(ly)?$/, '$1ic'],
  [/([a-z]{3,})ing$/, '$1'],
  [/([a-z]{3,})ed$/, '$1'],
  [/([a-z]{4,})ly$/, '$1'],
  [/([a-z]{4,})er$/, '$1'],
  [/([a-z]{4,})ment$/, '$1'],
  [/([a-z]{4,})ion$/, '$1'],
];

export function stem(word: string): string {
  // Two passes, so a word carrying two suffixes meets its base: "partitioning" → "partition" →
  // "partit", like "partition" itself; "replications" → "replication" → "replicat".
  return stemOnce(stemOnce(word.toLowerCase()));
}

function stemOnce(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(w)) {
      w = w.replace(pattern, replacement);
      break;
    }
  }
  // Undo doubled consonants ("scalling" → "scal", "stopped" → "stop") and a final silent e,
  // so "scale"/"scaling" and "cache"/"caching" meet.
  w = w.replace(/([bdfgklmnprtz])\1$/, '$1');
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * Lower-case words of letters and digits, a percentage with its sign ("10%", as prepare() reads an
 * answer); everything else separates words.
 */
export function words(text: string): string[] {
  return normalizeWords(text.toLowerCase().replace(/['’]/g, '')).match(/[0-9]+%|[a-z0-9]+/g) ?? [];
}

/**
 * Verbs written apart that the field writes as one word: "fail over" is "failover", "back off" is
 * "backoff". Joined in answers and rubrics alike, so either spelling meets the other.
 */
const COMPOUNDS = /\b(fail[ -]over|fall[ -]back|roll[ -]back|back[ -]off|back[ -]up|time[ -]out|shut[ -]down)\b/g;

/** "95 percent" is "95%". */
const PERCENT_WORD = /\b(\d+) ?(?:percent|per cent|pct)\b/g;

/** Lower-case text with {@link COMPOUNDS} joined and a spelled-out percent sign written as one. */
export function normalizeWords(lowered: string): string {
  return lowered.replace(COMPOUNDS, (pair) => pair.replace(/[ -]/, '')).replace(PERCENT_WORD, '$1%');
}
