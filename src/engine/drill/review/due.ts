import { isDue, retrievability, type StepCard } from './cards.js';

/**
 * The cards due now in the order a Review session takes them: weakest first (lowest chance of
 * recall, then lowest last score), interleaved across topics so that two steps of one topic do not
 * come back to back while another topic waits. The topic whose weakest card is weakest goes first.
 * Cards whose topic `topicOf` cannot name (a question no longer in the bank) are left out.
 */
export function reviewQueue(
  cards: Iterable<StepCard>,
  now: Date,
  topicOf: (questionId: string) => string | undefined,
): StepCard[] {
  const byTopic = new Map<string, Array<{ card: StepCard; r: number }>>();
  for (const card of cards) {
    const topic = topicOf(card.questionId);
    if (topic === undefined || !isDue(card, now)) continue;
    const list = byTopic.get(topic) ?? [];
    list.push({ card, r: retrievability(card, now) });
    byTopic.set(topic, list);
  }
  const weaker = (a: { card: StepCard; r: number }, b: { card: StepCard; r: number }) =>
    a.r - b.r || (a.card.lastScore ?? 101) - (b.card.lastScore ?? 101) || a.card.key.localeCompare(b.card.key);
  const lanes = [...byTopic.values()].map((list) => list.sort(weaker)).sort((a, b) => weaker(a[0], b[0]));
  const queue: StepCard[] = [];
  for (let round = 0; queue.length < lanes.reduce((n, l) => n + l.length, 0); round += 1) {
    for (const lane of lanes) if (round < lane.length) queue.push(lane[round].card);
  }
  return queue;
}

/** How many cards fall due by each horizon: now, within a day, within a week. */
export function dueCounts(
  cards: Iterable<StepCard>,
  now: Date,
): { now: number; day: number; week: number; cards: number } {
  const counts = { now: 0, day: 0, week: 0, cards: 0 };
  const t = now.getTime();
  for (const { card } of cards) {
    const due = card.due.getTime();
    counts.cards += 1;
    if (due <= t) counts.now += 1;
    if (due <= t + 86_400_000) counts.day += 1;
    if (due <= t + 7 * 86_400_000) counts.week += 1;
  }
  return counts;
}
