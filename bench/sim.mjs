// Simulator benchmark (issue 5). M/M/4 at 80% load (λ = 160/s, service mean 20 ms, 4 workers):
//  - 1e7 requests through the built CLI (`simulate --json`): the engine's wall time and events per second;
//  - the same model in SimPy (Debian python3-simpy) on 2e5 requests, run alternately with ours, three
//    rounds, medians: this machine's speed wanders by ±30% from minute to minute, the ratio much less;
//  - peak RSS (each run its own process): 1e6 vs 1e7 requests, and, to separate requests from simulated
//    time, the same 6,250 simulated seconds as the 1e6 run with 10× the requests (M/M/40 at 80%, λ = 1600/s).
// Goals: ≥ 10M events/s, 1e7 requests < 3 s, RSS < 150 MB and independent of the request count, ≥ 40× SimPy.
// Usage: npm run build && node bench/sim.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gcd-simbench-'));
const BIN = join(root, 'bin', 'gocoffee-drill.js');

function scenario(requests, workers = 4) {
  const rate = 40 * workers;
  const seconds = Math.ceil(requests / rate);
  const path = join(work, `mm${workers}-${requests}.yaml`);
  writeFileSync(
    path,
    `name: mm${workers}-80\nseed: 1\nduration: ${seconds}s\ntraffic: { rate: ${rate}, arrival: poisson, clients: 1 }\nservers:\n  - { count: 1, workers: ${workers}, queue: 1000000000, service: { dist: exponential, mean: 20ms } }\n`,
  );
  return path;
}

function runOurs(requests, workers = 4) {
  const out = spawnSync('/usr/bin/time', ['-f', '%M', 'node', BIN, 'simulate', scenario(requests, workers), '--json'], {
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

ensure('test -x /usr/bin/time', 'time');
// Debian's python3-simpy is SimPy 2.3: module SimPy, the 2.x process API.
const simpyOk = ensure('/usr/bin/python3 -c "import SimPy.Simulation"', 'python3-simpy');

const N_SIMPY = 200_000;
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
simulate(until=1e12)
wall = time.perf_counter() - t
print(wall, sum(out) / len(out))
`,
);

console.log('M/M/4 at 80% load (λ = 160/s, 1/μ = 20 ms, c = 4); Erlang C mean time in system = 34.91 ms');
const rounds = [];
for (let round = 0; round < 3; round += 1) {
  const ours = runOurs(1e7);
  const simpy = simpyOk
    ? execFileSync('/usr/bin/python3', [py], { encoding: 'utf8' }).trim().split(' ').map(Number)
    : undefined;
  rounds.push({ ours, simpy });
  const oursRate = ours.requests / (ours.wallMs / 1000);
  console.log(
    `  round ${round + 1}: 1e7 requests in ${ours.wallMs} ms, ${(ours.events / ours.wallMs / 1000).toFixed(1)}M events/s, mean ${ours.meanMs.toFixed(2)} ms` +
      (simpy
        ? `; SimPy ${(N_SIMPY / simpy[0] / 1000).toFixed(0)}k requests/s (mean ${simpy[1].toFixed(2)} ms) → ${(oursRate / (N_SIMPY / simpy[0])).toFixed(0)}×`
        : ''),
  );
}
const wall = median(rounds.map((r) => r.ours.wallMs));
const evs = median(rounds.map((r) => r.ours.events / r.ours.wallMs / 1000));
console.log(`  median: 1e7 requests in ${wall} ms (goal < 3,000), ${evs.toFixed(1)}M events/s (goal ≥ 10M)`);
if (simpyOk) {
  const ratio = median(rounds.map((r) => r.ours.requests / (r.ours.wallMs / 1000) / (N_SIMPY / r.simpy[0])));
  console.log(`  median ratio to SimPy 2.3: ${ratio.toFixed(0)}× (goal ≥ 40×)`);
} else console.log('  SimPy: python3-simpy could not be installed; ratio not measured');

const small = runOurs(1e6);
const big = rounds[rounds.length - 1].ours;
const dense = runOurs(1e7, 40);
console.log('peak RSS (whole process, --json output included)');
console.log(`  1e6 requests, ${small.seconds} simulated s: ${small.rssMb.toFixed(0)} MB`);
console.log(`  1e7 requests, ${big.seconds} simulated s: ${big.rssMb.toFixed(0)} MB (goal < 150)`);
console.log(`  1e7 requests, ${dense.seconds} simulated s (M/M/40 at 80%, 1600/s): ${dense.rssMb.toFixed(0)} MB`);
console.log(
  `  10× the requests in the same simulated time: ${(dense.rssMb / small.rssMb).toFixed(2)}× the memory (1.00 = independent of the request count);`,
);
console.log(
  `  memory follows simulated seconds instead (a timeline row each, by the JSON contract): ${(((big.rssMb - small.rssMb) * 1024) / (big.seconds - small.seconds)).toFixed(2)} KB per simulated second`,
);
