import type { Scenario } from '../../sim/scenario.js';
import type { Question } from '../types.js';
import { readAnswerLevers } from './answer-levers.js';
import { runCurveball, type SimulationVerdict } from './curveball.js';
import { estimateDeductions, gradeEstimatePhase, type EstimateGrade } from './estimate-phase.js';
import { DEEP_DIVE_LEAD, mockSpecFor } from './generic.js';
import { PHASES, phaseBudgets } from './phases.js';
import { gradeText, phaseStep, type Deduction, type TextGrade } from './score-text.js';
import { practiseNext, type PractiseItem } from './practise-next.js';
import type { PhaseName } from './types.js';

/** Overall score bands, the thresholds public hiring rubrics use (≈ 85 / 70 / 55 %). */
export const BANDS = [
  { band: 'strong hire', min: 85 },
  { band: 'hire', min: 70 },
  { band: 'lean no', min: 55 },
  { band: 'no hire', min: 0 },
] as const;
export type Band = (typeof BANDS)[number]['band'];
/** A deep dive scoring below this fails the interview whatever the total. */
export const DEEP_DIVE_PASS = 50;
/** Points the follow-up loses when the design misses the SLO under the curveball. */
export const SLO_MISS_POINTS = 30;
/** The deep dive "got its time" when it used at least this share of its budget. */
export const DEEP_DIVE_TIME_SHARE = 0.75;

/** One phase's line of the report. */
export interface PhaseReport {
  name: PhaseName;
  title: string;
  budgetSeconds: number;
  usedSeconds: number;
  overBudget: boolean;
  /** 0–100; null when the phase is not scored (no estimate inputs). */
  score: number | null;
  deductions: Deduction[];
  missed: string[];
  hit: string[];
  answer: string;
}

export interface MockReport {
  id: string;
  title: string;
  minutes: number;
  score: number;
  band: Band;
  /** Why the band is what it is, in one line. */
  bandReason: string;
  phases: PhaseReport[];
  estimate: EstimateGrade | null;
  simulation: SimulationVerdict | null;
  /** Why there is no simulation, when there is none. */
  simulationNote?: string;
  pacing: string;
  practiseNext: PractiseItem[];
}

/** What the candidate did: per phase, the answer and the seconds spent. */
export interface MockAnswers {
  phases: Array<{ answer: string; seconds: number }>;
}

/**
 * Grade a finished mock. `scenario` is the curveball's base scenario, loaded by the caller (the
 * engine reads no files); `bank` links the weakest concepts to drills.
 */
export function gradeMock(
  question: Question,
  minutes: number,
  answers: MockAnswers,
  scenario: Scenario | undefined,
  bank: readonly Question[],
): MockReport {
  const spec = mockSpecFor(question);
  const budgets = phaseBudgets(minutes);
  const text = (i: number) => answers.phases[i]?.answer ?? '';
  const grades: Array<TextGrade | null> = [];
  grades[0] = gradeText(phaseStep(PHASES[0].title, spec.requirements.prompt, spec.requirements.rubric), text(0));
  const estimate = spec.estimate ? gradeEstimatePhase(spec.estimate, text(1)) : null;
  grades[1] = estimate && {
    score: estimate.score,
    hit: estimate.figures.filter((f) => f.score >= 80).map((f) => f.label),
    missed: estimate.figures.filter((f) => f.score < 80).map((f) => f.label),
    deductions: estimateDeductions(estimate),
  };
  grades[2] = gradeText(phaseStep(PHASES[2].title, spec.apiDataModel.prompt, spec.apiDataModel.rubric), text(2));
  grades[3] = gradeText(phaseStep(PHASES[3].title, spec.highLevelDesign.prompt, spec.highLevelDesign.rubric), text(3));
  grades[4] = deepDive(question, text(4));
  const cb = spec.curveball;
  const simulation =
    scenario && cb.change && cb.slo
      ? runCurveball(scenario, cb.change, cb.slo, readAnswerLevers(`${text(3)}\n${text(4)}\n${text(5)}`), cb.prompt)
      : null;
  const followUp = gradeText(phaseStep(PHASES[5].title, cb.prompt, cb.rubric), text(5));
  grades[5] =
    simulation && !simulation.pass
      ? withDeduction(followUp, {
          reason: `the design misses the SLO under the curveball: ${simulation.failures.join('; ')}`,
          points: SLO_MISS_POINTS,
        })
      : followUp;

  const phases: PhaseReport[] = PHASES.map((p, i) => {
    const used = Math.max(0, Math.round(answers.phases[i]?.seconds ?? 0));
    const g = grades[i];
    return {
      name: p.name,
      title: p.title,
      budgetSeconds: budgets[i],
      usedSeconds: used,
      overBudget: used > budgets[i],
      score: g ? g.score : null,
      deductions: g?.deductions ?? [],
      missed: g?.missed ?? [],
      hit: g?.hit ?? [],
      answer: text(i),
    };
  });
  const score = overall(phases);
  const deepDiveScore = phases[4].score ?? 0;
  const failedDeepDive = deepDiveScore < DEEP_DIVE_PASS;
  const band = bandFor(score, deepDiveScore);
  return {
    id: question.id,
    title: question.title,
    minutes,
    score,
    band,
    bandReason: failedDeepDive
      ? `the deep dive scored ${deepDiveScore}, below ${DEEP_DIVE_PASS}: no hire whatever the total`
      : `overall ${score}: ${band} (strong hire ≥ 85, hire ≥ 70, lean no ≥ 55)`,
    phases,
    estimate,
    simulation,
    ...(simulation
      ? {}
      : {
          simulationNote:
            scenario === undefined || !cb.change
              ? 'this question has no scenario the simulator can run for its curveball'
              : 'no SLO declared for the curveball',
        }),
    pacing: pacingLine(phases),
    practiseNext: practiseNext(phases, question, bank),
  };
}

/** The band for an overall score: 85 / 70 / 55 thresholds, and no hire whenever the deep dive fails. */
export function bandFor(score: number, deepDiveScore: number): Band {
  if (deepDiveScore < DEEP_DIVE_PASS) return 'no hire';
  return BANDS.find((b) => score >= b.min)!.band;
}

/** The deep dive is scored against every framework step; its score is their mean. */
function deepDive(question: Question, answer: string): TextGrade {
  const steps = question.steps.filter((s) => s.form === 'text');
  const grades = steps.map((s) => gradeText({ ...s, prompt: s.prompt || DEEP_DIVE_LEAD }, answer));
  if (grades.length === 0) return { score: 0, hit: [], missed: [], deductions: [] };
  return {
    score: Math.round(grades.reduce((sum, g) => sum + g.score, 0) / grades.length),
    hit: unique(grades.flatMap((g) => g.hit)),
    missed: unique(grades.flatMap((g) => g.missed)),
    deductions: grades.flatMap((g, k) =>
      g.deductions.map((d) => ({ reason: `${steps[k].title}: ${d.reason}`, points: d.points })),
    ),
  };
}

/** Scored phases weighted by their share of the default 45 minutes. */
function overall(phases: PhaseReport[]): number {
  let sum = 0;
  let weight = 0;
  phases.forEach((p, i) => {
    if (p.score === null) return;
    sum += p.score * PHASES[i].minutes;
    weight += PHASES[i].minutes;
  });
  return weight === 0 ? 0 : Math.round(sum / weight);
}

/** Which phases ran over, and whether the deep dive got its time. */
export function pacingLine(phases: PhaseReport[]): string {
  const over = phases
    .filter((p) => p.overBudget)
    .map((p) => `${p.title.toLowerCase()} (+${mmss(p.usedSeconds - p.budgetSeconds)})`);
  const dive = phases.find((p) => p.name === 'deep-dive')!;
  const got = dive.usedSeconds >= dive.budgetSeconds * DEEP_DIVE_TIME_SHARE;
  const diveText = `the deep dive ${got ? 'got its time' : 'was cut short'} (${mmss(dive.usedSeconds)} of ${mmss(dive.budgetSeconds)})`;
  return `${over.length ? `Ran over: ${over.join(', ')}` : 'No phase ran over'}; ${diveText}.`;
}

/** `m:ss` from seconds. */
export function mmss(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function withDeduction(grade: TextGrade, deduction: Deduction): TextGrade {
  const points = Math.min(grade.score, deduction.points);
  return { ...grade, score: grade.score - points, deductions: [...grade.deductions, { ...deduction, points }] };
}

const unique = (list: string[]) => [...new Set(list)];
