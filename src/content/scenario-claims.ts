import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentProblem } from '../engine/drill/types.js';
import { runAvailability } from '../engine/sim/availability-model.js';
import { estimateEvents } from '../engine/sim/budget.js';
import { isDynamicScenario } from '../engine/sim/dynamics.js';
import { checkExpect, type Contradiction } from '../engine/sim/expect.js';
import { runScenario } from '../engine/sim/model.js';
import { toResult } from '../engine/sim/result.js';
import { UserError } from '../errors.js';
import { loadScenario } from './scenario-file.js';

/** The most events `questions validate` spends on one scenario's claims (about a second here). */
export const CLAIM_EVENT_BUDGET = 5_000_000;

export interface ScenarioCheck {
  /** Scenario files that load. */
  ok: number;
  /** Files that do not load, one problem per line of the loader's message. */
  problems: ContentProblem[];
  /** Declared claims the scenario's own run contradicts, or could not check. */
  warnings: string[];
}

/**
 * Load every scenario of a pack (`DIR/scenarios/*.yaml|yml|json`) and run those that declare `expect`,
 * with their own seed, warning about each claim the run contradicts. A run past CLAIM_EVENT_BUDGET is
 * not made (a warning says so), so validating a pack stays quick.
 */
export function checkScenarioDir(dir: string): ScenarioCheck {
  const folder = join(dir, 'scenarios');
  const check: ScenarioCheck = { ok: 0, problems: [], warnings: [] };
  if (!existsSync(folder)) return check;
  for (const file of readdirSync(folder)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()) {
    const path = join(folder, file);
    let loaded;
    try {
      loaded = loadScenario(path);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      for (const line of error.message.split('\n'))
        check.problems.push({
          path,
          line: 0,
          field: '',
          message: line.startsWith(`${path}: `) ? line.slice(path.length + 2) : line,
        });
      continue;
    }
    check.ok += 1;
    const { scenario, expect } = loaded;
    // The dynamics kinds declare no metrics for expect yet (validateExpect refuses every one).
    if (!expect || Object.keys(expect).length === 0 || isDynamicScenario(scenario)) continue;
    let contradictions: Contradiction[];
    if (scenario.kind === 'availability')
      contradictions = checkExpect(expect, runAvailability(scenario, scenario.seed));
    else {
      const events = estimateEvents(scenario);
      if (events > CLAIM_EVENT_BUDGET) {
        check.warnings.push(
          `${path}: expect: not checked: the run would take about ${events.toLocaleString('en-US')} events (the budget is ${CLAIM_EVENT_BUDGET.toLocaleString('en-US')})`,
        );
        continue;
      }
      const run = runScenario(scenario, scenario.seed);
      contradictions = checkExpect(
        expect,
        toResult(scenario.name, scenario.seed, scenario.duration, scenario.warmup, run, 0),
      );
    }
    for (const c of contradictions) {
      check.warnings.push(
        `${path}: expect.${c.metric}: the run (seed ${scenario.seed}) gives ${Number(c.actual.toPrecision(6))}, outside the declared [${c.range[0]}, ${c.range[1]}]`,
      );
    }
  }
  return check;
}
