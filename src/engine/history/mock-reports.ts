import { deductionsOf, field, type Deduction } from '../export/step-details.js';

/** One phase of a mock interview report, as much of it as the stored report has. */
export interface MockPhase {
  /** The phase's title when the report has one ("Requirements and scope"), else its name. */
  name: string;
  budgetSeconds?: number;
  usedSeconds?: number;
  overBudget: boolean;
  score?: number;
  missed: string[];
  hit: string[];
  deductions: Deduction[];
  /** What the candidate wrote in this phase. */
  answer?: string;
}

/**
 * A mock interview report read defensively: the mock work stores `{ questionId, at, minutes,
 * report: { id, score, band, phases, simulation, … } }` under `mocks`; a flat report (the headless
 * JSON with an `at`) reads the same.
 */
export interface MockReport {
  /** `mock:${questionId}@${at}` unless the report names itself. */
  id: string;
  questionId: string;
  at: string;
  score?: number;
  band?: string;
  phases: MockPhase[];
  /** The curveball's simulation verdict, kept as stored. */
  simulation?: unknown;
  /** The report as stored, for export. */
  raw: unknown;
}

/** The store keys a build may keep mock reports under. */
export const MOCK_KEYS = ['mocks', 'mockReports'] as const;

/** Every readable mock report in the store's data; entries without a question and a date are passed over. */
export function mockReports(data: unknown): MockReport[] {
  const out: MockReport[] = [];
  for (const key of MOCK_KEYS) {
    const list = field(data, key);
    if (Array.isArray(list))
      for (const raw of list) {
        const report = readReport(raw);
        if (report) out.push(report);
      }
  }
  return out;
}

export function readReport(raw: unknown): MockReport | undefined {
  const nested = field(raw, 'report');
  const body = typeof nested === 'object' && nested !== null && !Array.isArray(nested) ? nested : raw;
  const questionId = text(field(raw, 'questionId')) ?? text(field(body, 'id'));
  const at = [field(raw, 'at'), field(raw, 'finishedAt'), field(raw, 'savedAt'), field(raw, 'startedAt')]
    .map(text)
    .find((d) => d !== undefined && Number.isFinite(Date.parse(d)));
  if (!questionId || !at) return undefined;
  const phases = Array.isArray(field(body, 'phases')) ? (field(body, 'phases') as unknown[]) : [];
  return {
    id: text(field(raw, 'reportId')) ?? `mock:${questionId}@${at}`,
    questionId,
    at,
    score: num(field(body, 'score')),
    band: text(field(body, 'band')),
    phases: phases.map((p, k) => {
      const budgetSeconds = num(field(p, 'budgetSeconds'));
      const usedSeconds = num(field(p, 'usedSeconds'));
      const over = field(p, 'overBudget');
      return {
        name: text(field(p, 'title')) ?? text(field(p, 'name')) ?? `phase ${k + 1}`,
        budgetSeconds,
        usedSeconds,
        overBudget:
          typeof over === 'boolean'
            ? over
            : budgetSeconds !== undefined && usedSeconds !== undefined && usedSeconds > budgetSeconds,
        score: num(field(p, 'score')),
        missed: strings(field(p, 'missed')),
        hit: strings(field(p, 'hit')),
        deductions: deductionsOf(p),
        answer: text(field(p, 'answer')),
      };
    }),
    simulation: field(body, 'simulation') ?? undefined,
    raw,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
