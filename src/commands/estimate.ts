import { UserError, type Command, type OptionSpec } from './types.js';

/** [flag, input name, help]; input names are the estimator's (see src/engine/capacity/inputs.ts). */
const INPUT_FLAGS: Array<[string, string, string]> = [
  ['dau', 'dau', 'daily active users (1.5k, 10M, 2B)'],
  ['requests-per-user', 'requestsPerUser', 'requests per user per day (a number: no time unit)'],
  ['rps', 'rps', 'average requests per second, a number with no time unit (instead of --dau × --requests-per-user)'],
  ['peak-factor', 'peakFactor', 'peak over average (default 2)'],
  ['read-write', 'readWrite', 'read:write ratio, e.g. 9:1'],
  [
    'payload',
    'payload',
    'size per request on the wire: B, KB, MB, GB, TB (bytes, powers of 1000), KiB … TiB, or b, Kb, Mb, Gb, Tb (bits)',
  ],
  ['record-size', 'recordSize', 'size stored per write (units as --payload)'],
  ['retention', 'retention', 'how long records are kept, with its unit: ms, s, m, h, d or y (e.g. 1y)'],
  ['replication', 'replication', 'copies of each record (default 1)'],
  ['server-rps', 'serverRps', "one instance's capacity in requests per second"],
  [
    'utilization',
    'utilization',
    'target utilisation as a fraction or a percentage: 0.7, 70 and 70% are the same (default 0.7)',
  ],
  ['latency', 'latency', "mean response time with its unit, e.g. 200ms (for concurrency by Little's law)"],
  [
    'availability',
    'availability',
    'availability target as a percentage or a fraction: 99.9, 99.9% and 0.999 are the same',
  ],
  ['partition-rps', 'partitionRps', 'messages per second one Kafka partition sustains'],
  ['consumer-rps', 'consumerRps', 'messages per second one consumer processes'],
  ['query-time', 'queryTime', 'mean database query time with its unit, e.g. 5ms (for the connection pool)'],
  ['queries-per-request', 'queriesPerRequest', 'database queries per request (default 1)'],
  ['hot-fraction', 'hotFraction', 'share of daily reads worth caching: 0.2, 20 or 20%'],
  ['mtbf', 'mtbf', 'mean time between failures with its unit, e.g. 30d (with --mttr)'],
  ['mttr', 'mttr', 'mean time to repair with its unit, e.g. 1h'],
];

const options: OptionSpec = { json: { type: 'boolean' }, guess: { type: 'string', multiple: true } };
for (const [flag] of INPUT_FLAGS) options[flag] = { type: 'string' };

export const estimateCommand: Command = {
  name: 'estimate',
  summary: 'back-of-the-envelope capacity maths that shows its work and grades your guess',
  usage: 'gocoffee-drill estimate [flags] [--guess KEY=VALUE …] [--json]',
  flags: [
    ...INPUT_FLAGS.map(([flag, , help]) => [`--${flag} X`, help] as [string, string]),
    ['--guess KEY=VALUE', 'grade your own estimate of a result (repeatable), e.g. peakRps=5k, bytesTotal=20TB'],
    ['--json', 'print the inputs, results, derivation steps and grades as one JSON document'],
  ],
  examples: [
    'gocoffee-drill estimate --dau 10M --requests-per-user 10 --peak-factor 3 --server-rps 500',
    'gocoffee-drill estimate --rps 1000 --read-write 9:1 --payload 2KB --record-size 1KB --retention 1y --replication 3 --json',
    'gocoffee-drill estimate --availability 99.99',
    'gocoffee-drill estimate --dau 2M --requests-per-user 1 --guess peakRps=50',
    'gocoffee-drill estimate          (on a terminal: the interactive calculator)',
  ],
  options,
  async run(ctx, args) {
    const raw: Record<string, string> = {};
    for (const [flag, name] of INPUT_FLAGS) {
      const value = args.values[flag];
      if (typeof value === 'string') raw[name] = value;
    }
    const guesses = (args.values.guess as string[] | undefined) ?? [];
    if (Object.keys(raw).length === 0) {
      if (guesses.length > 0 || args.values.json)
        throw new UserError('estimate: give at least one input flag', "see 'gocoffee-drill estimate --help'");
      const { openApp } = await import('../ui/open-app.js');
      return openApp(
        ctx,
        { name: 'calculator' },
        'gocoffee-drill estimate --dau 10M --requests-per-user 10 (see estimate --help)',
      );
    }
    const { runEstimate } = await import('./estimate-run.js');
    return runEstimate(ctx, raw, guesses, Boolean(args.values.json));
  },
};
