import { simulateV8Flags } from './simulate-v8.js';
import { UserError, type Command } from './types.js';

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run a scenario through the simulator: latency percentiles, errors, availability',
  usage:
    'gocoffee-drill simulate SCENARIO [--seed N] [--json] | SCENARIO --levers [--json] | SCENARIO --set NAME=VALUE … [--seeds N] [--json] | --schema',
  flags: [
    [
      'SCENARIO',
      'a .yaml/.json scenario file, or a built-in id (gateway-1000rps, p95-500ms, p95-cached, retry-storm, retry-storm-fixed, breaker-outage, postgres-saturated, availability-9999, inventory-2pc, order-db-recovery, partition-cp-ap; dynamics: kafka-consumer-lag, kafka-rebalance, kafka-morning-peak, closed-loop-stall, retry-storm-metastable, gateway-rush, gateway-rush-limited, gateway-autoscale, gateway-zone-loss, menu-cache-stampede, menu-cache-coalesced, hedged-reads)',
    ],
    ['--seed N', "overrides the scenario's seed (same seed, same result)"],
    ['--levers', "list the scenario's levers (what you may change) and its SLOs"],
    [
      '--set NAME=VALUE',
      'set a lever (repeatable); runs the baseline and your variant side by side and judges the SLOs',
    ],
    ['--seeds N', 'seeds per side for --set (default 5, at most 50): each figure is a mean with its 95% interval'],
    ['--schema', 'print the scenario format as JSON Schema'],
    ['--json', 'print the result as one JSON document'],
  ],
  examples: [
    'gocoffee-drill simulate gateway-1000rps',
    'gocoffee-drill simulate retry-storm --seed 7 --json',
    'gocoffee-drill simulate ./my-scenario.yaml',
    'gocoffee-drill simulate gateway-1000rps --levers',
    'gocoffee-drill simulate gateway-1000rps --set instances=5 --json',
    'gocoffee-drill simulate gateway-rush --set rate-limit=1500 --set max-age=100',
  ],
  options: {
    seed: { type: 'string' },
    json: { type: 'boolean' },
    levers: { type: 'boolean' },
    set: { type: 'string', multiple: true },
    seeds: { type: 'string' },
    schema: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(ctx, args) {
    const [ref, extra] = args.positionals;
    const json = Boolean(args.values.json);
    if (args.values.schema) {
      if (ref !== undefined) throw new UserError('simulate: --schema takes no scenario');
      const { scenarioJsonSchema } = await import('../engine/sim/scenario-schema.js');
      ctx.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      return 0;
    }
    if (!ref)
      throw new UserError('simulate: name a scenario file or built-in id', "see 'gocoffee-drill simulate --help'");
    if (extra !== undefined) throw new UserError(`simulate: unexpected argument ${extra}`);
    let seed: number | undefined;
    if (args.values.seed !== undefined) {
      seed = Number(args.values.seed);
      if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
        throw new UserError(`simulate: --seed must be a whole number from 0 to 4294967295, not ${args.values.seed}`);
    }
    // For the models that run in JavaScript (simulate-v8.ts).
    const v8 = await import('node:v8');
    v8.setFlagsFromString(simulateV8Flags());
    const sets = (args.values.set as string[] | undefined) ?? [];
    if (args.values.levers) {
      if (sets.length > 0 || args.values.seeds !== undefined)
        throw new UserError(
          'simulate: --levers lists the levers; run with --set NAME=VALUE (without --levers) to try values',
        );
      const { listLevers } = await import('./simulate-compare.js');
      return listLevers(ctx, ref, json);
    }
    if (sets.length > 0 || args.values.seeds !== undefined) {
      const seeds = args.values.seeds === undefined ? 5 : Number(args.values.seeds);
      if (!Number.isInteger(seeds) || seeds < 1 || seeds > 50)
        throw new UserError(`simulate: --seeds must be a whole number from 1 to 50, not ${String(args.values.seeds)}`);
      const { runComparison } = await import('./simulate-compare.js');
      return runComparison(ctx, { ref, sets, seeds, seed, json });
    }
    const { runSimulation } = await import('./simulate-run.js');
    return runSimulation(ctx, ref, seed, json);
  },
};
