import { performance } from 'node:perf_hooks';
import { loadScenario } from '../content/scenario-file.js';
import { runAvailability } from '../engine/sim/availability-model.js';
import { isDynamicScenario } from '../engine/sim/dynamics.js';
import { runScenario } from '../engine/sim/model.js';
import { resultJsonChunks, toResult } from '../engine/sim/result.js';
import { UserError, type CommandContext } from './types.js';
import { renderAvailability, renderSimResult } from './simulate-report.js';
import { runDynamicSimulation } from './simulate-dynamics.js';

export function runSimulation(ctx: CommandContext, ref: string, seedFlag: number | undefined, json: boolean): number {
  let loaded;
  try {
    loaded = loadScenario(ref);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // Each problem on its own line: path: field: message.
    ctx.stderr.write(`${error.message}${error.hint ? ` (${error.hint})` : ''}\n`);
    return 2;
  }
  const { scenario } = loaded;
  const seed = seedFlag ?? scenario.seed;
  const started = performance.now();
  if (isDynamicScenario(scenario)) return runDynamicSimulation(ctx, scenario, seed, json, started);
  if (scenario.kind === 'availability') {
    const result = { ...runAvailability(scenario, seed), wallMs: Math.round(performance.now() - started) };
    ctx.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : renderAvailability(result));
    return 0;
  }
  const run = runScenario(scenario, seed);
  const result = toResult(scenario.name, seed, scenario.duration, scenario.warmup, run, performance.now() - started);
  if (!json) ctx.stdout.write(renderSimResult(result, ctx.columns));
  else for (const chunk of resultJsonChunks(result)) ctx.stdout.write(chunk);
  return 0;
}
