import { UserError, type Command } from './types.js';

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run a scenario through the simulator: latency percentiles, errors, availability',
  usage: 'gocoffee-drill simulate SCENARIO [--seed N] [--json]',
  flags: [
    ['SCENARIO', 'a .yaml/.json scenario file, or a built-in id (gateway-1000rps, p95-500ms, p95-cached, retry-storm, retry-storm-fixed, breaker-outage, availability-9999)'],
    ['--seed N', "overrides the scenario's seed (same seed, same result)"],
    ['--json', 'print the result as one JSON document'],
  ],
  examples: ['gocoffee-drill simulate gateway-1000rps', 'gocoffee-drill simulate retry-storm --seed 7 --json', 'gocoffee-drill simulate ./my-scenario.yaml'],
  options: { seed: { type: 'string' }, json: { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx, args) {
    const [ref, extra] = args.positionals;
    if (!ref) throw new UserError('simulate: name a scenario file or built-in id', "see 'gocoffee-drill simulate --help'");
    if (extra !== undefined) throw new UserError(`simulate: unexpected argument ${extra}`);
    let seed: number | undefined;
    if (args.values.seed !== undefined) {
      seed = Number(args.values.seed);
      if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new UserError(`simulate: --seed must be a whole number from 0 to 4294967295, not ${args.values.seed}`);
    }
    // The simulator's loop calls a dozen small functions per event; with V8's default inlining budget
    // the later ones stay calls that box every double they pass (a heap number each, then garbage).
    // A larger budget for this one-shot process measured about 20% faster (bench/sim.mjs). It only
    // affects code compiled from now on, and never changes a result.
    const v8 = await import('node:v8');
    v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=4000');
    const { runSimulation } = await import('./simulate-run.js');
    return runSimulation(ctx, ref, seed, Boolean(args.values.json));
  },
};
