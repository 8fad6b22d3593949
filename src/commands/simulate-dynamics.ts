import { performance } from 'node:perf_hooks';
import { runDynamic, type DynamicResult, type DynamicScenario } from '../engine/sim/dynamics.js';
import type { CommandContext } from './types.js';
import { renderDynamic } from './simulate-dynamics-report.js';

/** Run one of the dynamics kinds (Kafka, …) and print its report or its JSON. */
export function runDynamicSimulation(
  ctx: CommandContext,
  scenario: DynamicScenario,
  seed: number,
  json: boolean,
  started: number,
): number {
  const result = { ...runDynamic(scenario, seed), wallMs: Math.round(performance.now() - started) } as DynamicResult;
  ctx.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : renderDynamic(result, ctx.columns));
  return 0;
}
