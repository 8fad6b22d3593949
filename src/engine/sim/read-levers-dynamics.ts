import { TIME_UNITS_MS } from './lever-fields.js';
import { GAP, NUM, PCT, TIME, asCount, asPercent, asTime, choice, type Reading } from './lever-phrases.js';

const countOf = (nouns: string) => new RegExp(`${NUM}\\s+${GAP}(?:${nouns})\\b`, 'gi');
const timeAfter = (words: string) =>
  new RegExp(`(?:${words})\\s+(?:of\\s+|to\\s+|=\\s*|:\\s*)?(?:about\\s+)?${TIME}`, 'gi');
const SWITCH_OFF = /\b(?:no|without|don't|do not|never)\s+/;
/** A switch lever (off/on): on when named, off when named after a no. */
function onOff(phrase: string): Array<[RegExp, Reading]> {
  return [
    [new RegExp(`${SWITCH_OFF.source}(?:\\w+\\s+)?(?:${phrase})`, 'gi'), choice('off')],
    [new RegExp(`(?<!\\b(?:no|without|not) (?:\\w+ )?)(?:${phrase})`, 'gi'), choice('on')],
  ];
}

/** Phrases for the dynamics kinds' fields (Kafka, closed loop, gateway, cache, hedge). */
export const DYNAMIC_RULES: Record<string, Array<[RegExp, Reading]>> = {
  'topic.partitions': [[countOf('partitions'), asCount]],
  'consumers.count': [[countOf('consumers|workers'), asCount]],
  'consumers.processing.mean': [
    [new RegExp(`process\\w*\\s+(?:\\w+\\s+){0,3}?(?:in|within|under|takes?)\\s+(?:about\\s+)?${TIME}`, 'gi'), asTime],
  ],
  'group.sessionTimeout': [
    [timeAfter('session\\s+timeout'), asTime],
    [new RegExp(`${TIME}\\s+session\\s+timeout`, 'gi'), asTime],
  ],
  'producer.partitioner': [
    [/\bleast[- ]bytes\b/gi, choice('least-bytes')],
    [/\b(?:hash(?:ed)?\s+(?:by|on)\s+(?:the\s+)?(?:order\s+)?(?:key|id)|keyed\s+by)\b/gi, choice('hash')],
  ],
  users: [[countOf('users|clients|connections|vus'), asCount]],
  'think.mean': [
    [timeAfter('think(?:ing)?(?:\\s+time)?'), asTime],
    [new RegExp(`${TIME}\\s+(?:of\\s+)?think`, 'gi'), asTime],
  ],
  'stalls[].duration': [
    [new RegExp(`(?:pause|stall)s?\\s+(?:\\w+\\s+){0,2}?(?:of|to|under|below|within)\\s+${TIME}`, 'gi'), asTime],
    [new RegExp(`${TIME}\\s+(?:gc\\s+)?(?:pause|stall)s?\\b`, 'gi'), asTime],
  ],
  'rateLimit.rate': [
    [
      new RegExp(
        `(?:token[- ]bucket|rate[- ]limit\\w*|throttl\\w*|admit\\w*)\\s+(?:\\w+\\s+){0,3}?${NUM}\\s*(?:req(?:uest)?s?\\s*(?:/|per|a)\\s*s(?:ec(?:ond)?)?|rps|/s|per\\s+second|a\\s+second)`,
        'gi',
      ),
      asCount,
    ],
    [/\b(?:no|without)\s+(?:a\s+)?(?:rate[- ]limit\w*|token[- ]bucket)/gi, () => 0],
  ],
  'rateLimit.burst': [
    [new RegExp(`burst\\s+(?:size\\s+)?(?:of\\s+)?${NUM}`, 'gi'), asCount],
    [new RegExp(`${NUM}\\s+(?:tokens?\\s+)?(?:of\\s+)?burst`, 'gi'), asCount],
  ],
  'queue.limit': [
    [
      new RegExp(
        `queue\\s+(?:limit\\s+|length\\s+|size\\s+|depth\\s+)?(?:of\\s+|to\\s+|at\\s+)(?:most\\s+)?${NUM}\\b`,
        'gi',
      ),
      asCount,
    ],
    [new RegExp(`(?:bound|cap|limit)\\w*\\s+(?:the\\s+)?queue\\s+(?:to|at)\\s+${NUM}\\b`, 'gi'), asCount],
  ],
  'queue.maxAge': [
    [timeAfter('older\\s+than|waited\\s+(?:more|longer)\\s+than|queue[- ]age|max(?:imum)?\\s+age|deadline'), asTime],
  ],
  'queue.discipline': [
    [/\blifo\b|\blast[- ]in,?\s+first[- ]out\b/gi, choice('lifo')],
    [/\bfifo\b|\bfirst[- ]in,?\s+first[- ]out\b/gi, choice('fifo')],
  ],
  zones: [[countOf('zones|azs'), asCount]],
  'autoscale.target': [
    [new RegExp(`target\\s+(?:cpu\\s+)?(?:utili[sz]ation\\s+)?(?:of\\s+|at\\s+)?${PCT}`, 'gi'), asPercent],
  ],
  'autoscale.min': [
    [
      new RegExp(`(?:min(?:imum)?(?:\\s+of)?|at\\s+least|floor\\s+of)\\s+${NUM}\\s+(?:\\w+\\s+)?instances`, 'gi'),
      asCount,
    ],
  ],
  'autoscale.max': [
    [
      new RegExp(
        `(?:max(?:imum)?(?:\\s+of)?|at\\s+most|up\\s+to|cap\\s+(?:of|at))\\s+${NUM}\\s+(?:\\w+\\s+)?instances`,
        'gi',
      ),
      asCount,
    ],
  ],
  'autoscale.startup': [
    [
      new RegExp(
        `(?:start(?:s|up)?|boot(?:s|ing)?|warm[- ]?up|ready)\\s+(?:\\w+\\s+){0,2}?(?:in|within|under|takes?)\\s+(?:about\\s+)?${TIME}`,
        'gi',
      ),
      asTime,
    ],
  ],
  'autoscale.window': [[timeAfter('window|averaged?\\s+over'), asTime]],
  'autoscale.cooldown': [[timeAfter('cool[- ]?down'), asTime]],
  'cache.ttl': [
    [timeAfter('ttl'), asTime],
    [new RegExp(`${TIME}\\s+ttls?\\b`, 'gi'), asTime],
    [new RegExp(`expir\\w*\\s+(?:\\w+\\s+)?after\\s+${TIME}`, 'gi'), asTime],
  ],
  'cache.ttlJitter': [
    [new RegExp(`jitter\\s+(?:of\\s+)?(?:±|\\+/-)?\\s*${PCT}`, 'gi'), asPercent],
    [new RegExp(`(?:±|\\+/-)\\s*${PCT}\\s+(?:ttl\\s+)?jitter`, 'gi'), asPercent],
  ],
  'cache.singleFlight': onOff('single[- ]?flight|request\\s+coalescing|coalesc(?:e|es|ing)\\b'),
  'cache.staleWhileRevalidate': [
    [timeAfter('stale[- ]while[- ]revalidate(?:\\s+for)?(?:\\s+up\\s+to)?'), asTime],
    // Named without a time: on, for a window of 10 s (a tenth to a sixth of a typical TTL).
    [
      /\bstale[- ]while[- ]revalidate\b|\bserv\w*\s+(?:it\s+|the\s+)?stale\b/gi,
      (_m, l) => (l.baseline > 0 ? undefined : 10_000 / (TIME_UNITS_MS[l.unit] ?? 1)),
    ],
  ],
  'cache.start': [
    [
      /\b(?:pre-?warm\w*|warm(?:s|ed|ing)?\s+(?:up\s+)?(?:the\s+)?cache|cache\s+warm(?:ing|[- ]?up)|warm\s+start)\b/gi,
      choice('warm'),
    ],
  ],
  'hedge.after': [
    [new RegExp(`hedg\\w*\\s+(?:\\w+\\s+){0,4}?(?:after|at)\\s+(?:about\\s+)?${TIME}`, 'gi'), asTime],
    [new RegExp(`(?:second|backup|duplicate)\\s+(?:copy|request)\\s+(?:\\w+\\s+){0,3}?after\\s+${TIME}`, 'gi'), asTime],
  ],
  'hedge.cancel': [
    [/\b(?:don't|do not|never|without)\s+cancel\w*/gi, choice('off')],
    [
      /\b(?:cancel|drop)\w*\s+(?:the\s+)?(?:other|loser|losing|slower|second|duplicate)\b|\btied\s+requests?\b/gi,
      choice('on'),
    ],
  ],
  replicas: [[countOf('replicas'), asCount]],
};
