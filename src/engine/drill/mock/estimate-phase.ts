import { computeEstimate } from '../../capacity/estimate.js';
import { findGradeable, formatStepValue, formatValue, gradeGuess, type Verdict } from '../../capacity/grade.js';
import { normalizeInputs } from '../../capacity/inputs.js';
import type { EstimatePhaseSpec } from './types.js';
import type { Deduction } from './score-text.js';

/** One key figure of the estimate phase, graded by the estimator. */
export interface FigureGrade {
  key: string;
  label: string;
  /** The figure read from the answer; null when the answer gives none. */
  guess: number | null;
  actual: number;
  /** The actual value in readable units. */
  readable: string;
  ratio: number | null;
  verdict: Verdict | 'missing';
  /** 100 within 25 %, 80 within 2×, 40 within 10×, else 0 (the drill's estimate bands). */
  score: number;
  slip?: string;
}

/** The estimate phase's grade and the worked derivation shown afterwards. */
export interface EstimateGrade {
  score: number;
  figures: FigureGrade[];
  derivation: Array<{ label: string; formula: string; value: string }>;
}

/** Words that name each figure in an answer ("peak: 3k req/s", "11 instances"). */
// Stryker disable StringLiteral: vocabulary (see function-words.ts)
const CUES: Record<string, string[]> = {
  requestsPerDay: ['per day', 'a day', 'daily'],
  avgRps: ['average', 'avg', 'mean'],
  peakRps: ['peak'],
  readRps: ['reads'],
  writeRps: ['writes'],
  ingressBytesPerSec: ['ingress', 'inbound'],
  egressBytesPerSec: ['egress', 'outbound'],
  bytesPerDay: ['storage per day', 'per day'],
  bytesTotal: ['storage', 'total'],
  serversNeeded: ['instances', 'instance', 'servers', 'replicas', 'pods'],
  serversWithRedundancy: ['spare', 'n+1', 'redundancy', 'instances', 'servers'],
  inFlight: ['in flight', 'in-flight', 'concurrent', 'concurrency', 'little'],
  downtimeSecPerYear: ['year', 'annual', 'yearly'],
  downtimeSecPerMonth: ['month'],
  downtimeSecPerDay: ['day'],
  kafkaPartitions: ['partitions', 'partition'],
  dbPoolSize: ['pool', 'connections'],
  cacheBytes: ['cache'],
};
// Stryker restore StringLiteral

const QUANTITY =
  /(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(k|m|b|kb|mb|gb|tb|kib|mib|gib|tib|ms|s|sec|secs|seconds?|min|mins|minutes?|h|hours?|d|days?)?\b/gi;

/** Grade the figures the answer gives for each asked key against the estimator's values. */
export function gradeEstimatePhase(spec: EstimatePhaseSpec, answer: string): EstimateGrade {
  const estimate = computeEstimate(normalizeInputs(spec.inputs));
  const used = new Set<number>();
  const figures = spec.ask.map((key): FigureGrade => {
    const g = findGradeable(key);
    const actual = g?.get(estimate);
    if (!g || actual === undefined) throw new Error(`mock estimate: ${key} is not computed from the inputs`);
    const readable = formatValue(g.kind, actual);
    const found = findFigure(answer, CUES[key] ?? [key], used);
    if (!found)
      return { key, label: g.label, guess: null, actual, readable, ratio: null, verdict: 'missing', score: 0 };
    used.add(found.index);
    const grade = gradeGuess(estimate, key, found.text);
    const off = Math.max(grade.ratio, 1 / grade.ratio);
    const score = off <= 1.25 ? 100 : off <= 2 ? 80 : off <= 10 ? 40 : 0;
    return {
      key,
      label: g.label,
      guess: grade.guess,
      actual,
      readable,
      ratio: round(grade.ratio),
      verdict: grade.verdict,
      score,
      ...(grade.slip ? { slip: grade.slip } : {}),
    };
  });
  const lastStep = Math.max(
    ...spec.ask.map((key) => estimate.steps.findIndex((s) => s.label === findGradeable(key)?.step)),
  );
  const derivation = estimate.steps
    .slice(0, lastStep + 1)
    .map((s) => ({ label: s.label, formula: s.formula, value: formatStepValue(s.value, s.unit) }));
  const score = figures.length === 0 ? 0 : Math.round(figures.reduce((sum, f) => sum + f.score, 0) / figures.length);
  return { score, figures, derivation };
}

/** The points each figure cost, with the right value, for the report. */
export function estimateDeductions(grade: EstimateGrade): Deduction[] {
  const share = grade.figures.length === 0 ? 0 : 100 / grade.figures.length;
  return grade.figures
    .filter((f) => f.score < 100)
    .map((f) => ({
      reason:
        f.guess === null
          ? `${f.label}: no figure given (it is ${f.readable})`
          : `${f.label}: ${f.verdict}, expected ${f.readable}${f.slip ? ` (${f.slip})` : ''}`,
      points: Math.round(share * (1 - f.score / 100)),
    }));
}

/**
 * The first number after one of the cue words, on the same line or sentence; numbers already
 * taken by another figure are skipped so "11 instances, 12 with a spare" reads as two figures.
 */
function findFigure(
  answer: string,
  cues: string[],
  used: ReadonlySet<number>,
): { text: string; index: number } | undefined {
  const lower = answer.toLowerCase();
  const clauses = [...lower.matchAll(/[^\n.;]+(?:\.\d[^\n.;]*)*/g)];
  for (const clause of clauses) {
    const start = clause.index ?? 0;
    const spans = cues.map((c) => [clause[0].indexOf(c), c.length]).filter(([i]) => i >= 0);
    if (spans.length === 0) continue;
    const cueAt = spans.map(([i]) => i);
    // A digit inside a cue ("n+1") is part of the word, not the figure.
    const inCue = (at: number) => spans.some(([i, length]) => at >= i && at < i + length);
    const numbers = [...clause[0].matchAll(QUANTITY)].filter(
      (m) => !used.has(start + (m.index ?? 0)) && !inCue(m.index ?? 0),
    );
    if (numbers.length === 0) continue;
    // The number nearest the cue word, before or after it ("peak 3k", "3k at peak").
    const cue = Math.min(...cueAt);
    const nearest = numbers.reduce((best, m) =>
      Math.abs((m.index ?? 0) - cue) < Math.abs((best.index ?? 0) - cue) ? m : best,
    );
    return { text: nearest[1].replace(/,/g, '') + (nearest[2] ?? ''), index: start + (nearest.index ?? 0) };
  }
  return undefined;
}

const round = (n: number) => Number(n.toPrecision(4));
