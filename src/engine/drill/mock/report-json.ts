import type { MockReport } from './report.js';

/**
 * The headless contract of `mock ID --answers FILE --json`, exactly:
 * `{ id, minutes, score, band, phases: [{ name, budgetSeconds, usedSeconds, overBudget, score,
 * deductions, missed }], estimate, simulation }`. estimate and simulation are null when the
 * question has none.
 */
export function mockJson(r: MockReport) {
  return {
    id: r.id,
    minutes: r.minutes,
    score: r.score,
    band: r.band,
    phases: r.phases.map((p) => ({
      name: p.name,
      budgetSeconds: p.budgetSeconds,
      usedSeconds: p.usedSeconds,
      overBudget: p.overBudget,
      score: p.score,
      deductions: p.deductions,
      missed: p.missed,
    })),
    estimate: r.estimate,
    simulation: r.simulation,
  };
}
