// Simulator benchmark (issues 5 and 15). Three rounds, each model alternating with the others, medians:
// this shared machine's speed wanders by ±30% from minute to minute, a ratio within one round much less.
//  - plain M/M/4 at 80% load (λ = 160/s, service mean 20 ms, 4 workers), 1e7 requests through the built
//    CLI (`simulate --json`): the engine's wall time and events per second (goal ≥ 10M, < 3 s);
//  - the same model in process (the engine bundled from src/, imported by a fresh node, timed around the
//    run alone: compiling the WebAssembly kernel is inside it), 1e7 requests, beside the full model at 1e7: P2C over four
//    servers, a dependency, a timeout, retries with full jitter and a retry budget, a circuit breaker and
//    two faults (a crash and a dependency error burst). Goal: full ≥ 12M events/s and ≥ 0.8× the plain rate;
//  - the plain model at 1e6 requests in process against SimPy 2.3 (Debian python3-simpy) on 1e6, each
//    timed around its own run (no start-up on either side). Goal ≥ 60×; and the CLI's 1e7 rate against
//    SimPy's rate (goal ≥ 40×);
//  - peak RSS (each run its own process): 1e6 vs 1e7 requests, and, to separate requests from simulated
//    time, the same 6,250 simulated seconds as the 1e6 run with 10× the requests (M/M/40 at 80%, λ = 1600/s).
// Usage: npm run build && node bench/sim.mjs
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const root = fileURLToPath(new URL('..', import.meta.url));
// Under the package root (the content loader finds questions/ from there), where lint and git do not look.
const cache = join(root, 'node_modules', '.cache', 'gocoffee-bench-sim');
const ENGINE = join(cache, 'engine.mjs');

// A child: `node bench/sim.mjs --in-process FILE`, one run timed in this fresh process, printed as JSON.
if (process.argv[2] === '--in-process') {
  const sim = await import(pathToFileURL(ENGINE).href);
  const { scenario } = sim.loadScenario(process.argv[3]);
  // As `simulate FILE` does (the request-level loops run in WebAssembly, which it does not touch).
  v8.setFlagsFromString(sim.simulateV8Flags());
  const cpu = process.cpuUsage();
  const started = performance.now();
  const run = sim.runScenario(scenario, scenario.seed);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const result = sim.toResult(scenario.name, scenario.seed, scenario.duration, scenario.warmup, run, wallMs);
  const { offered, completed } = result.requests;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000, events: run.events, offered, completed, rssMb }),
  );
  process.exit(0);
}

mkdirSync(cache, { recursive: true });
const entry = join(cache, 'entry.ts');
writeFileSync(
  entry,
  [
    `export { loadScenario } from '${join(root, 'src/content/scenario-file.ts')}';`,
    `export { runScenario } from '${join(root, 'src/engine/sim/model.ts')}';`,
    `export { toResult } from '${join(root, 'src/engine/sim/result.ts')}';`,
    `export { isPlain } from '${join(root, 'src/engine/sim/plain.ts')}';`,
    `export { simulateV8Flags } from '${join(root, 'src/commands/simulate-v8.ts')}';`,
  ].join('\n'),
);
// The same banner as the app's bundle: bundled CommonJS (yaml) needs a require.
await build({
  entryPoints: [entry],
  outfile: ENGINE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'error',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});

const work = mkdtempSync(join(tmpdir(), 'gcd-simbench-'));
const BIN = join(root, 'bin', 'gocoffee-drill.js');

function plainScenario(requests, workers = 4) {
  const rate = 40 * workers;
  const seconds = Math.ceil(requests / rate);
  const path = join(work, `mm${workers}-${requests}.yaml`);
  writeFileSync(
    path,
    `name: mm${workers}-80\nseed: 1\nduration: ${seconds}s\ntraffic: { rate: ${rate}, arrival: poisson, clients: 1 }\nservers:\n  - { count: 1, workers: ${workers}, queue: 1000000000, service: { dist: exponential, mean: 20ms } }\n`,
  );
  return path;
}

/**
 * The full model at the plain model's load: a worker is held 16 ms by the server and 4 ms by the
 * dependency call (20 ms in all, 80% of four servers at 160/s).
 */
function fullScenario(requests) {
  const path = join(work, `full-${requests}.yaml`);
  writeFileSync(
    path,
    [
      'name: full-80',
      'seed: 1',
      `duration: ${Math.ceil(requests / 160)}s`,
      'traffic: { rate: 160, arrival: poisson, clients: 1 }',
      'loadBalancer: { strategy: power-of-two-choices }',
      'servers:',
      '  - { count: 4, workers: 1, queue: 1000000000, service: { dist: exponential, mean: 16ms } }',
      'dependency: { workers: 8, queue: 100000, service: { dist: exponential, mean: 4ms } }',
      'policies:',
      '  timeout: 1s',
      '  retry: { attempts: 3, backoff: exponential, base: 20ms, max: 1s, jitter: full, budget: 0.1 }',
      '  circuitBreaker: { failureRateThreshold: 50, slidingWindowSize: 100, minimumNumberOfCalls: 50, waitDurationInOpenState: 2s, permittedNumberOfCallsInHalfOpenState: 10 }',
      'faults:',
      '  - { at: 100s, kind: crash, target: server-2, duration: 10s }',
      '  - { at: 300s, kind: error, target: dependency, rate: 0.05, duration: 10s }',
      '',
    ].join('\n'),
  );
  return path;
}

function runCli(path) {
  const out = spawnSync('/usr/bin/time', ['-f', '%M', 'node', BIN, 'simulate', path, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (out.status !== 0) throw new Error(out.stderr);
  const result = JSON.parse(out.stdout);
  const rssKb = Number(out.stderr.trim().split('\n').pop());
  return {
    wallMs: result.wallMs,
    events: result.events,
    requests: result.requests.offered,
    meanMs: result.latencyMs.mean,
    rssMb: rssKb / 1024,
    seconds: result.simulatedSeconds,
  };
}

function runInProcess(path) {
  const out = execFileSync('node', [fileURLToPath(import.meta.url), '--in-process', path], { encoding: 'utf8' });
  const r = JSON.parse(out);
  return { ...r, mevs: r.events / r.wallMs / 1000, cpuMevs: r.events / r.cpuMs / 1000 };
}

function ensure(check, pkg) {
  if (spawnSync('sh', ['-c', check]).status === 0) return true;
  console.log(`installing ${pkg} (apt-get) …`);
  spawnSync(
    'sh',
    ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg} >/dev/null`],
    { stdio: 'inherit' },
  );
  return spawnSync('sh', ['-c', check]).status === 0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const list = (xs, digits = 1) => xs.map((x) => x.toFixed(digits)).join(', ');

ensure('test -x /usr/bin/time', 'time');
// Debian's python3-simpy is SimPy 2.3: module SimPy, the 2.x process API.
const simpyOk = ensure('/usr/bin/python3 -c "import SimPy.Simulation"', 'python3-simpy');

const N_SIMPY = 1_000_000;
const py = join(work, 'mm4.py');
writeFileSync(
  py,
  `
import random, time
from SimPy.Simulation import Process, Resource, activate, hold, request, release, initialize, simulate, now
random.seed(1)
N = ${N_SIMPY}
out = []
class Customer(Process):
    def visit(self, res):
        t0 = now()
        yield request, self, res
        yield hold, self, random.expovariate(1 / 20.0)
        yield release, self, res
        out.append(now() - t0)
class Source(Process):
    def generate(self, res):
        for _ in range(N):
            c = Customer()
            activate(c, c.visit(res))
            yield hold, self, random.expovariate(0.16)
initialize()
res = Resource(capacity=4)
s = Source()
activate(s, s.generate(res))
t = time.perf_counter()
c = time.process_time()
simulate(until=1e12)
wall = time.perf_counter() - t
cpu = time.process_time() - c
print(wall, sum(out) / len(out), cpu)
`,
);

const plain1e7 = plainScenario(1e7);
const plain1e6 = plainScenario(1e6);
const full1e7 = fullScenario(1e7);

console.log('M/M/4 at 80% load (λ = 160/s, 1/μ = 20 ms, c = 4); Erlang C mean time in system = 34.91 ms');
const rounds = [];
for (let round = 0; round < 3; round += 1) {
  const cli = runCli(plain1e7);
  const plain = runInProcess(plain1e7);
  const full = runInProcess(full1e7);
  const small = runInProcess(plain1e6);
  const simpy = simpyOk
    ? execFileSync('/usr/bin/python3', [py], { encoding: 'utf8' }).trim().split(' ').map(Number)
    : undefined;
  const r = {
    cli,
    plain,
    full,
    small,
    fullRatio: full.mevs / plain.mevs,
    fullCpuRatio: full.cpuMevs / plain.cpuMevs,
    simpyRps: simpy ? N_SIMPY / simpy[0] : undefined,
    simpyMean: simpy?.[1],
    // Both sides timed around their own run of the same 1e6-request model.
    simpyRatio: simpy ? (simpy[0] * 1000) / small.wallMs : undefined,
    // The same in CPU time (ours: every thread of the process, the JIT's compiler threads included).
    simpyCpuRatio: simpy ? (simpy[2] * 1000) / small.cpuMs : undefined,
  };
  rounds.push(r);
  console.log(
    `  round ${round + 1}: CLI 1e7 in ${cli.wallMs} ms, ${(cli.events / cli.wallMs / 1000).toFixed(1)}M events/s, mean ${cli.meanMs.toFixed(2)} ms;` +
      ` in process 1e7: plain ${plain.mevs.toFixed(1)}M, full ${full.mevs.toFixed(1)}M events/s (${r.fullRatio.toFixed(2)}×; CPU ${r.fullCpuRatio.toFixed(2)}×);` +
      ` plain 1e6 in ${small.wallMs.toFixed(0)} ms (CPU ${small.cpuMs.toFixed(0)})` +
      (simpy
        ? `, SimPy 1e6 in ${(simpy[0] * 1000).toFixed(0)} ms (CPU ${(simpy[2] * 1000).toFixed(0)}, mean ${simpy[1].toFixed(2)} ms) → ${r.simpyRatio.toFixed(0)}× (CPU ${r.simpyCpuRatio.toFixed(0)}×)`
        : ''),
  );
}
const pick = (f) => rounds.map(f);
/** A median and its rounds. */
const figure = (f, digits = 1) => `${median(pick(f)).toFixed(digits)} (rounds: ${list(pick(f), digits)})`;
const wall = median(pick((r) => r.cli.wallMs));
const evs = median(pick((r) => r.cli.events / r.cli.wallMs / 1000));
console.log(`medians (wall clock; CPU time beside, steadier on a busy machine)`);
console.log(`  CLI: 1e7 requests in ${wall} ms (goal < 3,000), ${evs.toFixed(1)}M events/s (goal ≥ 10M)`);
console.log(
  `  in process at 1e7, plain: ${figure((r) => r.plain.mevs)}M events/s; CPU ${figure((r) => r.plain.cpuMevs)}M`,
);
console.log(
  `  in process at 1e7, full model: ${figure((r) => r.full.mevs)}M events/s (goal ≥ 12M); CPU ${figure((r) => r.full.cpuMevs)}M`,
);
console.log(
  `  full / plain: ${figure((r) => r.fullRatio, 2)}× (goal ≥ 0.8×); CPU ${figure((r) => r.fullCpuRatio, 2)}×`,
);
if (simpyOk) {
  console.log(
    `  SimPy 2.3 / ours, plain at 1e6 in process: ${figure((r) => r.simpyRatio, 0)}× (goal ≥ 60×); CPU ${figure((r) => r.simpyCpuRatio, 0)}×;` +
      ` SimPy ${(median(pick((r) => r.simpyRps)) / 1000).toFixed(0)}k requests/s`,
  );
  const cliRatio = median(pick((r) => r.cli.requests / (r.cli.wallMs / 1000) / r.simpyRps));
  console.log(`  the CLI's 1e7 rate / SimPy's rate: ${cliRatio.toFixed(0)}× (goal ≥ 40×)`);
} else console.log('  SimPy: python3-simpy could not be installed; ratios not measured');

const small = runCli(plain1e6);
const big = rounds[rounds.length - 1].cli;
const dense = runCli(plainScenario(1e7, 40));
console.log('peak RSS (whole process, --json output included)');
console.log(`  1e6 requests, ${small.seconds} simulated s: ${small.rssMb.toFixed(0)} MB`);
console.log(`  1e7 requests, ${big.seconds} simulated s: ${big.rssMb.toFixed(0)} MB (goal < 150)`);
console.log(
  `  in process at 1e7 (engine alone, no JSON): plain ${median(pick((r) => r.plain.rssMb)).toFixed(0)} MB, full model ${median(pick((r) => r.full.rssMb)).toFixed(0)} MB`,
);
console.log(`  1e7 requests, ${dense.seconds} simulated s (M/M/40 at 80%, 1600/s): ${dense.rssMb.toFixed(0)} MB`);
console.log(
  `  10× the requests in the same simulated time: ${(dense.rssMb / small.rssMb).toFixed(2)}× the memory (1.00 = independent of the request count);`,
);
console.log(
  `  memory follows simulated seconds instead (a timeline row each, by the JSON contract): ${(((big.rssMb - small.rssMb) * 1024) / (big.seconds - small.seconds)).toFixed(2)} KB per simulated second`,
);
