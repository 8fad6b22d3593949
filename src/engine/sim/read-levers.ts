import { fieldKey } from './lever-fields.js';
import { GAP, NUM, PCT, TIME, asCount, asPercent, asTime, choice, number, type Reading } from './lever-phrases.js';
import type { Lever } from './levers.js';
import { round } from './metrics.js';
import { DYNAMIC_RULES } from './read-levers-dynamics.js';

/** A lever value read from an answer, and the words that set it. */
export interface FoundLever {
  name: string;
  value: number;
  /** The words of the answer that gave the value, as written. */
  text: string;
  /** Where those words are in the answer (character offsets, end exclusive). */
  start: number;
  end: number;
}

/** Words just before a count that make it the result of a sum: "4 × 4 = 16 attempts", "becomes 16 attempts". */
const RESULT_BEFORE =
  /(?:[=×*]|\bx|\b(?:becomes?|turns?\s+into|grows?\s+to|means?|multipl\w*\s+(?:in)?to|adds?\s+up\s+to))\s*$/i;

/**
 * "N attempts" sets N − 1 retries, unless N is the result of a sum: an answer that works out how retries
 * multiply ("4 × 4 = 16 attempts reach Postgres") explains the storm, it does not ask for 15 retries.
 */
const asAttempts: Reading = (m) =>
  RESULT_BEFORE.test(m.input.slice(Math.max(0, m.index - 24), m.index)) ? undefined : Math.max(0, number(m[1]) - 1);

/** Phrases per lever field (the table key of `fieldKey`), each a pattern and its reading. */
const RULES: Record<string, Array<[RegExp, Reading]>> = {
  'servers[].count': [
    [new RegExp(`${NUM}\\s+${GAP}(?:instances|servers|pods|nodes|gateways|copies|machines)\\b`, 'gi'), asCount],
    [new RegExp(`scal(?:e|ing)\\s+(?:\\w+\\s+)?(?:out\\s+|up\\s+|horizontally\\s+)?to\\s+${NUM}\\b`, 'gi'), asCount],
  ],
  'servers[].workers': [[new RegExp(`${NUM}\\s+(?:worker|thread|goroutine)s?\\b`, 'gi'), asCount]],
  'dependency.workers': [
    [new RegExp(`${NUM}\\s+(?:\\w+\\s+)?(?:connections|partitions|consumers)\\b`, 'gi'), asCount],
    [new RegExp(`pool\\s+(?:size\\s+)?(?:of\\s+|to\\s+)?${NUM}\\b`, 'gi'), asCount],
  ],
  'dependency.service.mean': [
    [new RegExp(`(?:quer(?:y|ies)|index(?:ed)?)[^.\\n]{0,40}?(?:to|under|below|of|in)\\s+${TIME}`, 'gi'), asTime],
  ],
  'loadBalancer.strategy': [
    [/\bleast[- ]conn(?:ection)?s?\b/gi, choice('least-connections')],
    [/\bpower[- ]of[- ]two(?:[- ]choices)?\b|\bp2c\b/gi, choice('power-of-two-choices')],
    [/\bweighted round[- ]robin\b/gi, choice('weighted-round-robin')],
    [/\b(?<!weighted )round[- ]robin\b/gi, choice('round-robin')],
    [/\b(?:ip[- ]hash|consistent hash(?:ing)?|sticky sessions?)\b/gi, choice('ip-hash')],
  ],
  'cache.hitRatio': [
    [new RegExp(`${PCT}\\s+(?:of\\s+)?(?:\\w+\\s+)?(?:cache\\s+)?hits?\\b`, 'gi'), asPercent],
    [new RegExp(`hit\\s+(?:ratio|rate)\\s+(?:of\\s+|at\\s+|around\\s+|about\\s+)?${PCT}`, 'gi'), asPercent],
  ],
  'policies.timeout': [
    [new RegExp(`timeouts?\\s+(?:of\\s+|to\\s+|at\\s+|=\\s*|:\\s*)?${TIME}`, 'gi'), asTime],
    [new RegExp(`${TIME}\\s+(?:\\w+\\s+)?timeouts?`, 'gi'), asTime],
  ],
  'policies.retry.retries': [
    [new RegExp(`retr(?:y|ies)\\s+(?:up\\s+to\\s+|at\\s+most\\s+)?${NUM}\\s+(?:more\\s+)?times`, 'gi'), asCount],
    [new RegExp(`${NUM}\\s+retries\\b`, 'gi'), asCount],
    [new RegExp(`${NUM}\\s+attempts\\b`, 'gi'), asAttempts],
    [/\b(?:no|without|don't|do not|never)\s+retr(?:y|ies)\b/gi, () => 0],
  ],
  'policies.retry.backoff': [
    [/\bexponential(?:ly)?\b/gi, choice('exponential')],
    [/\b(?:constant|fixed)\s+(?:backoff|delay)\b/gi, choice('constant')],
  ],
  'policies.retry.base': [
    [
      new RegExp(`(?:base|starting\\s+(?:at|from)|initial(?:\\s+delay)?|first\\s+delay)\\s+(?:of\\s+)?${TIME}`, 'gi'),
      asTime,
    ],
  ],
  'policies.retry.max': [
    [new RegExp(`(?:cap(?:ped)?|max(?:imum)?(?:\\s+delay)?|at\\s+most)\\s+(?:at\\s+|of\\s+)?${TIME}`, 'gi'), asTime],
  ],
  'policies.retry.jitter': [
    [/\bfull jitter\b/gi, choice('full')],
    [/\bequal jitter\b/gi, choice('equal')],
    [/\bdecorrelated jitter\b/gi, choice('decorrelated')],
    [/\b(?:no|without)\s+jitter\b/gi, choice('none')],
  ],
  'policies.retry.budget': [
    [new RegExp(`retry\\s+budget\\s+(?:of\\s+)?${PCT}`, 'gi'), asPercent],
    [new RegExp(`${PCT}\\s+retry\\s+budget`, 'gi'), asPercent],
  ],
  'policies.circuitBreaker.enabled': [
    [/\b(?:no|without)\s+(?:a\s+)?circuit[- ]breakers?\b/gi, () => 0],
    [/\b(?<!no |without |without a )circuit[- ]breakers?\b/gi, () => 1],
  ],
  'policies.circuitBreaker.failureRateThreshold': [
    [new RegExp(`${PCT}\\s+(?:of\\s+)?(?:calls\\s+)?(?:fail(?:ures?|ing)?|errors?)`, 'gi'), asPercent],
  ],
  'policies.circuitBreaker.waitDurationInOpenState': [[new RegExp(`open\\s+(?:for\\s+)?${TIME}`, 'gi'), asTime]],
  'policies.bulkhead.maxConcurrent': [[new RegExp(`bulkhead\\s+(?:of\\s+)?${NUM}\\b`, 'gi'), asCount]],
  'components[].count': [],
  'components[].standby': [
    [new RegExp(`${NUM}\\s+(?:hot\\s+|warm\\s+|streaming\\s+)?(?:standbys?|replicas? for failover)\\b`, 'gi'), asCount],
    [/\b(?:no|without)\s+(?:a\s+)?standby\b/gi, () => 0],
  ],
  'components[].failover': [
    [new RegExp(`${TIME}\\s+(?:\\w+\\s+)?failover`, 'gi'), asTime],
    [new RegExp(`fail(?:s)?\\s*over\\s+(?:in|within|of|takes)\\s+(?:about\\s+)?${TIME}`, 'gi'), asTime],
  ],
  'components[].mttr': [
    [new RegExp(`(?:restore|repair|recover|rto)\\w*\\s+(?:\\w+\\s+)?(?:in|within|of|under)\\s+${TIME}`, 'gi'), asTime],
  ],
};

/** The phrases for a lever's field; a metastable scenario's levers read as the request fields they move. */
function rulesFor(key: string): Array<[RegExp, Reading]> {
  const own = key.replace(/^scenario\./, '');
  return RULES[own] ?? RULES[SAME_AS[own]] ?? DYNAMIC_RULES[own] ?? [];
}

/** Dynamics fields that read like a request field. */
const SAME_AS: Record<string, string> = {
  instances: 'servers[].count',
  'server.workers': 'servers[].workers',
  timeout: 'policies.timeout',
  'database.workers': 'dependency.workers',
};

/**
 * Phrases built from the lever itself: a number followed by its name ("4 brokers") or its unit when no
 * other lever shares that unit ("2 locations"; "3 instances" would not say which group).
 */
function ownWords(lever: Lever, levers: readonly Lever[]): Array<[RegExp, Reading]> {
  if (lever.choices || !lever.integer) return [];
  const unitShared = levers.filter((l) => l.unit === lever.unit).length > 1;
  const words = [unitShared ? '' : lever.unit, unitShared && lever.name === lever.unit ? '' : lever.name].filter((w) =>
    /^[a-z][a-z-]{2,}$/i.test(w),
  );
  if (words.length === 0) return [];
  const stem = (w: string) => w.replace(/s$/, '').replace(/-/g, '[- ]');
  return [[new RegExp(`${NUM}\\s+${GAP}(?:${words.map(stem).join('|')})s?\\b`, 'gi'), asCount]];
}

/** The nearest allowed value: within min … max, a whole number when the field takes one. */
function fit(lever: Lever, value: number): number {
  const clamped = Math.min(lever.max, Math.max(lever.min, value));
  return lever.integer ? Math.round(clamped * lever.factor) / lever.factor : round(clamped, 6);
}

/**
 * Read lever values from an answer's text for a scenario's levers ("4 instances", "timeout 200 ms",
 * "retry 3 times with exponential backoff and full jitter", "90 % cache hits", "a standby with 30 s
 * failover"). For each lever the last phrase that sets it wins (an answer says where it ends up last);
 * a value outside the lever's range is brought to its nearest end. Levers the text says nothing about
 * are left out of `values` (they stay at baseline).
 */
export function readLevers(
  text: string,
  levers: readonly Lever[],
): { values: Record<string, number>; found: FoundLever[] } {
  const values: Record<string, number> = {};
  const found: FoundLever[] = [];
  for (const lever of levers) {
    const rules = [...rulesFor(fieldKey(lever.field).key), ...ownWords(lever, levers)];
    let best: FoundLever | undefined;
    for (const [pattern, reading] of rules) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const value = reading(m, lever);
        if (value === undefined || !Number.isFinite(value)) continue;
        // Later words win; at one place, the field's own phrases win over the lever's name.
        if (!best || m.index > best.start)
          best = { name: lever.name, value: fit(lever, value), text: m[0], start: m.index, end: m.index + m[0].length };
      }
    }
    if (best) {
      values[lever.name] = best.value;
      found.push(best);
    }
  }
  return { values, found };
}
