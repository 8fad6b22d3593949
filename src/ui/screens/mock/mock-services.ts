import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { curveballScenario } from '../../../content/mock-scenario.js';
import { gradeMock, type MockReport } from '../../../engine/drill/mock/report.js';
import { reportMarkdown } from '../../../engine/drill/mock/report-text.js';
import type { MockAnswers } from '../../../engine/drill/mock/report.js';
import type { Question } from '../../../engine/drill/types.js';
import type { AppServices } from '../../app-context.js';

/** Grade a finished mock with the bank and the curveball's scenario; a scenario that will not load is reported, not fatal. */
export function gradeFinishedMock(
  services: AppServices,
  question: Question,
  minutes: number,
  answers: MockAnswers,
): MockReport {
  let scenario;
  try {
    scenario = curveballScenario(question);
  } catch {
    scenario = undefined;
  }
  return gradeMock(question, minutes, answers, scenario, services.bank().questions);
}

/** Write the report as Markdown: to `path`, else under the data directory's reports/. Returns the path, or throws with a readable reason. */
export function exportReport(services: AppServices, report: MockReport, atIso: string, path?: string): string {
  const target =
    path ?? join(services.ctx.dataDir, 'reports', `mock-${report.id}-${atIso.slice(0, 16).replace(/[:T]/g, '-')}.md`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, reportMarkdown(report, atIso));
  } catch (error) {
    throw new Error(`could not write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return target;
}
