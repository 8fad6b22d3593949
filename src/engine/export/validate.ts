import type { Draft } from '../drill/attempt.js';
import { field } from './step-details.js';

const RATINGS = ['again', 'hard', 'good', 'easy'];

/** Why an imported attempt cannot be used ("steps[1].answer is not text"), or undefined when it can. */
export function attemptProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'is not an object';
  const a = value as Record<string, unknown>;
  if (typeof a.questionId !== 'string' || a.questionId === '') return 'questionId is missing';
  if (!isDate(a.at)) return 'at is not an ISO date';
  if (!isScore(a.score)) return `score is ${JSON.stringify(a.score)}, not 0–100`;
  if (a.mode !== 'practice' && a.mode !== 'mock') return `mode is ${JSON.stringify(a.mode)}, not practice or mock`;
  if (a.rating !== undefined && !RATINGS.includes(a.rating as string)) return `rating is ${JSON.stringify(a.rating)}`;
  if (!isCount(a.totalMs)) return 'totalMs is not a duration';
  if (a.id !== undefined && typeof a.id !== 'string') return 'id is not text';
  if (!Array.isArray(a.steps)) return 'steps is not a list';
  for (let k = 0; k < a.steps.length; k += 1) {
    const problem = stepProblem(a.steps[k]);
    if (problem) return `steps[${k}].${problem}`;
  }
  return undefined;
}

/** Why an imported step review cannot be used, or undefined. */
export function reviewProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'is not an object';
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') return 'id is missing';
  if (typeof r.questionId !== 'string' || r.questionId === '') return 'questionId is missing';
  if (!Number.isInteger(r.step) || (r.step as number) < 0) return 'step is not a step index';
  if (!isDate(r.at)) return 'at is not an ISO date';
  if (!RATINGS.includes(r.rating as string)) return `rating is ${JSON.stringify(r.rating)}`;
  return stepProblem(r);
}

/** Why an imported draft cannot be used, or undefined. */
export function draftProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'is not an object';
  const d = value as Partial<Draft>;
  if (typeof d.questionId !== 'string' || !isDate(d.savedAt)) return 'questionId or savedAt is missing';
  if (!Array.isArray(d.answers) || d.answers.some((a) => typeof a !== 'string')) return 'answers is not a list of text';
  if (!Number.isInteger(d.stepIndex) || !Array.isArray(d.hintsUsed) || !Array.isArray(d.stepMs))
    return 'stepIndex, hintsUsed or stepMs is missing';
  return undefined;
}

function stepProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'is not an object';
  if (typeof field(value, 'answer') !== 'string') return 'answer is not text';
  const score = field(value, 'score');
  if (score !== undefined && !isScore(score)) return `score is ${JSON.stringify(score)}, not 0–100`;
  for (const key of ['hit', 'missed']) {
    const list = field(value, key);
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) return `${key} is not a list of text`;
  }
  if (!isCount(field(value, 'ms'))) return 'ms is not a duration';
  return undefined;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && Number.isFinite(Date.parse(value));
}

function isScore(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
