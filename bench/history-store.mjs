// A store as a few weeks of use leave it, for bench/startup.mjs --with-store: 60 attempts of four
// steps, 120 step reviews, 5 mock reports, 3 drafts and 12 ticks (~190 KB). The bench's default data
// directory is empty, so without this it never measures reading and checking a real store.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const IDS = ['q1-1-scale-gateway', 'q1-3-inventory-consistency', 'concepts-cap', 'fw-retry-storm', 'q2-1-kafka'];
const RATINGS = ['again', 'hard', 'good', 'easy'];
const DAY = 86_400_000;
const sentence = 'Scale out behind a load balancer because the gateway is stateless, so any instance can serve. ';
const text = (n) => sentence.repeat(n);

const step = (i) => ({
  answer: text(1 + (i % 4)),
  score: (i * 17) % 100,
  hit: ['measure first', 'cache'],
  missed: ['memory'],
  hintsUsed: i % 2,
  ms: 61_000 + i,
});

export function writeHistoryStore(dataDir) {
  const attempts = Array.from({ length: 60 }, (_, i) => ({
    questionId: IDS[i % IDS.length],
    at: new Date(Date.UTC(2026, 9, 1) + (i * DAY) / 2).toISOString(),
    score: (i * 13) % 100,
    mode: 'practice',
    rating: RATINGS[i % 4],
    totalMs: 244_000,
    steps: Array.from({ length: 4 }, (_, j) => step(i + j)),
  }));
  const reviews = Array.from({ length: 120 }, (_, i) => ({
    id: `r${i}`,
    questionId: IDS[i % IDS.length],
    step: i % 4,
    at: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString(),
    answer: text(1),
    score: 60,
    hit: ['stateless'],
    missed: [],
    rating: 'good',
    ms: 30_000,
  }));
  const mocks = IDS.map((questionId) => ({
    questionId,
    at: '2026-11-20T10:00:00.000Z',
    minutes: 45,
    report: { score: 62, phases: Array.from({ length: 6 }, (_, j) => ({ name: `phase ${j}`, answer: text(3) })) },
  }));
  const drafts = Object.fromEntries(
    IDS.slice(0, 3).map((questionId) => [
      questionId,
      {
        questionId,
        savedAt: '2026-11-25T10:00:00.000Z',
        stepIndex: 1,
        answers: [text(1), ''],
        hintsUsed: [0, 0],
        stepMs: [1000, 0],
      },
    ]),
  );
  const checklist = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`item-${i}`, '2026-11-02T10:00:00.000Z']));
  mkdirSync(dataDir, { recursive: true });
  const store = { schemaVersion: 1, attempts, reviews, drafts, checklist, settings: {}, mocks };
  writeFileSync(join(dataDir, 'store.json'), `${JSON.stringify(store, null, '\t')}\n`);
}
