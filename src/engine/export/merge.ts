import type { Attempt, Draft } from '../drill/attempt.js';
import type { StepReview } from '../drill/review/types.js';
import { MOCK_KEYS, readReport } from '../history/mock-reports.js';
import { attemptId } from './ids.js';
import { field } from './step-details.js';
import { attemptProblem, draftProblem, reviewProblem } from './validate.js';

/** What `export --format json` writes. */
export const EXPORT_FORMAT = 'gocoffee-drill-export';
export const EXPORT_VERSION = 1;

/** The parts of the store an import merges into (the store's data has this shape). */
export interface MergeTarget {
  attempts: Attempt[];
  reviews: StepReview[];
  drafts: Record<string, Draft>;
  checklist: Record<string, string>;
}

/** What an import did: counts added, and each thing skipped with the reason. */
export interface ImportReport {
  added: { attempts: number; reviews: number; mocks: number; checklist: number; drafts: number };
  /** Entries already here (same id): counted, not listed one by one. */
  present: { attempts: number; reviews: number; mocks: number; checklist: number; drafts: number };
  skipped: Array<{ what: string; why: string }>;
}

export class ImportFormatError extends Error {}

/**
 * The data inside an export file: our json export, or a bare store.json. Throws ImportFormatError
 * (one line, naming the field) when it is neither.
 */
export function exportedData(doc: unknown): Record<string, unknown> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new ImportFormatError('not a JSON object');
  const format = field(doc, 'format');
  if (format !== undefined) {
    if (format !== EXPORT_FORMAT)
      throw new ImportFormatError(`format is ${JSON.stringify(format)}, not ${EXPORT_FORMAT}`);
    const version = field(doc, 'version');
    if (typeof version !== 'number' || version > EXPORT_VERSION)
      throw new ImportFormatError(
        `version ${JSON.stringify(version)} is not one this build reads (up to ${EXPORT_VERSION})`,
      );
    const data = field(doc, 'data');
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw new ImportFormatError('data is not an object');
    return data as Record<string, unknown>;
  }
  if (!('attempts' in doc) && !('schemaVersion' in doc))
    throw new ImportFormatError(`has no "format": "${EXPORT_FORMAT}" and is not a store (no attempts)`);
  return doc as Record<string, unknown>;
}

/**
 * Merge imported data into `target`, in place: attempts by id (attemptId), step reviews and mock
 * reports by id, checklist ticks and drafts by key, never overwriting what is here. Importing
 * the same file again adds nothing. Invalid entries are skipped with the reason; settings stay
 * this machine's. Mock reports are taken only when `target` keeps them (has a mocks list).
 */
export function mergeImport(target: MergeTarget, data: Record<string, unknown>): ImportReport {
  const report: ImportReport = { added: counts(), present: counts(), skipped: [] };
  const list = (key: string) => {
    const value = data[key];
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    report.skipped.push({ what: key, why: 'is not a list' });
    return [];
  };

  const attemptIds = new Set(target.attempts.map(attemptId));
  list('attempts').forEach((a: unknown, k) => {
    const problem = attemptProblem(a);
    if (problem) return report.skipped.push({ what: `attempts[${k}]`, why: problem });
    const id = attemptId(a as Attempt);
    if (attemptIds.has(id)) return (report.present.attempts += 1);
    attemptIds.add(id);
    target.attempts.push(a as Attempt);
    report.added.attempts += 1;
  });

  target.reviews ??= [];
  const reviewIds = new Set(target.reviews.map((r) => r.id));
  list('reviews').forEach((r: unknown, k) => {
    const problem = reviewProblem(r);
    if (problem) return report.skipped.push({ what: `reviews[${k}]`, why: problem });
    if (reviewIds.has((r as StepReview).id)) return (report.present.reviews += 1);
    reviewIds.add((r as StepReview).id);
    target.reviews.push(r as StepReview);
    report.added.reviews += 1;
  });

  for (const key of MOCK_KEYS) mergeMocks(target as unknown as Record<string, unknown>, key, list(key), report);
  mergeChecklist(target, data.checklist, report);
  mergeDrafts(target, data.drafts, report);
  const settings = data.settings;
  if (settings && typeof settings === 'object' && Object.keys(settings).length > 0)
    report.skipped.push({ what: 'settings', why: "settings belong to a machine: this one's are kept" });
  return report;
}

function mergeMocks(target: Record<string, unknown>, key: string, incoming: unknown[], report: ImportReport): void {
  if (incoming.length === 0) return;
  const mine = target[key];
  if (!Array.isArray(mine)) {
    report.skipped.push({ what: `${key} (${incoming.length})`, why: 'this build keeps no mock reports' });
    return;
  }
  const ids = new Set(mine.flatMap((m) => readReport(m)?.id ?? []));
  incoming.forEach((m, k) => {
    const read = readReport(m);
    if (!read) return report.skipped.push({ what: `${key}[${k}]`, why: 'has no question id or date' });
    if (ids.has(read.id)) return (report.present.mocks += 1);
    ids.add(read.id);
    mine.push(m);
    report.added.mocks += 1;
  });
}

function mergeChecklist(target: MergeTarget, incoming: unknown, report: ImportReport): void {
  if (incoming === undefined) return;
  if (typeof incoming !== 'object' || incoming === null || Array.isArray(incoming)) {
    report.skipped.push({ what: 'checklist', why: 'is not an object' });
    return;
  }
  for (const [id, at] of Object.entries(incoming)) {
    if (typeof at !== 'string' || !Number.isFinite(Date.parse(at)))
      report.skipped.push({ what: `checklist.${id}`, why: 'the tick has no date' });
    else if (id in target.checklist) report.present.checklist += 1;
    else {
      target.checklist[id] = at;
      report.added.checklist += 1;
    }
  }
}

function mergeDrafts(target: MergeTarget, incoming: unknown, report: ImportReport): void {
  if (incoming === undefined || typeof incoming !== 'object' || incoming === null) return;
  for (const [id, draft] of Object.entries(incoming)) {
    const problem = draftProblem(draft);
    if (problem) report.skipped.push({ what: `drafts.${id}`, why: problem });
    else if (id in target.drafts) {
      if (JSON.stringify(target.drafts[id]) === JSON.stringify(draft)) report.present.drafts += 1;
      else
        report.skipped.push({
          what: `drafts.${id}`,
          why: 'a different draft of this question is open here: yours is kept',
        });
    } else {
      target.drafts[id] = draft as Draft;
      report.added.drafts += 1;
    }
  }
}

function counts() {
  return { attempts: 0, reviews: 0, mocks: 0, checklist: 0, drafts: 0 };
}
