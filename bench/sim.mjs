// Simulator benchmark (issue 5). M/M/4 at 80% load (λ = 160/s, service mean 20 ms, 4 workers):
//  - 1e7 requests: wall time and events per second;
//  - peak RSS at 1e6 and 1e7 requests (each in its own process), to show memory does not grow;
//  - the same model in SimPy (Debian python3-simpy) on 2e5 requests in the same invocation: requests/s ratio.
// Goals: ≥ 10M events/s, 1e7 requests < 3 s, RSS < 150 MB and flat, ≥ 40× SimPy.
// Usage: npm run build && node bench/sim.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gcd-simbench-'));
const BIN = join(root, 'bin', 'gocoffee-drill.js');

function scenario(requests) {
  const seconds = Math.ceil(requests / 160);
  const path = join(work, `mm4-${requests}.yaml`);
  writeFileSync(path, `name: mm4-80\nseed: 1\nduration: ${seconds}s\ntraffic: { rate: 160, arrival: poisson, clients: 1 }\nservers:\n  - { count: 1, workers: 4, queue: 1000000000, service: { dist: exponential, mean: 20ms } }\n`);
  return path;
}

function runOurs(requests) {
  const out = spawnSync('/usr/bin/time', ['-f', '%M', 'node', BIN, 'simulate', scenario(requests), '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (out.status !== 0) throw new Error(out.stderr);
  const result = JSON.parse(out.stdout);
  const rssKb = Number(out.stderr.trim().split('\n').pop());
  return { wallMs: result.wallMs, events: result.events, requests: result.requests.offered, meanMs: result.latencyMs.mean, rssMb: rssKb / 1024 };
}

function ensure(cmd, check, pkg) {
  if (spawnSync('sh', ['-c', check]).status === 0) return true;
  console.log(`installing ${pkg} (apt-get) …`);
  spawnSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg} >/dev/null`], { stdio: 'inherit' });
  return spawnSync('sh', ['-c', check]).status === 0;
}

ensure('time', 'test -x /usr/bin/time', 'time');
// Debian's python3-simpy is SimPy 2.3: module SimPy, the 2.x process API.
const simpyOk = ensure('simpy', '/usr/bin/python3 -c "import SimPy.Simulation"', 'python3-simpy');

const small = runOurs(1e6);
const big = runOurs(1e7);
console.log('M/M/4 at 80% load (λ = 160/s, 1/μ = 20 ms, c = 4); Erlang C mean time in system = 34.91 ms');
console.log(`  1e6 requests: ${small.wallMs} ms, ${(small.events / small.wallMs / 1000).toFixed(1)}M events/s, mean ${small.meanMs.toFixed(2)} ms, peak RSS ${small.rssMb.toFixed(0)} MB`);
console.log(`  1e7 requests: ${big.wallMs} ms, ${(big.events / big.wallMs / 1000).toFixed(1)}M events/s, mean ${big.meanMs.toFixed(2)} ms, peak RSS ${big.rssMb.toFixed(0)} MB`);
console.log(`  RSS 1e7 vs 1e6: ${(big.rssMb / small.rssMb).toFixed(2)}× (flat = memory independent of the request count)`);

if (simpyOk) {
  const n = 200_000;
  const py = join(work, 'mm4.py');
  writeFileSync(py, `
import random, time
from SimPy.Simulation import Process, Resource, activate, hold, request, release, initialize, simulate, now
random.seed(1)
N = ${n}
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
`);
  const [wall, mean] = execFileSync('/usr/bin/python3', [py], { encoding: 'utf8' }).trim().split(' ').map(Number);
  const simpyRate = n / wall;
  const oursRate = big.requests / (big.wallMs / 1000);
  console.log(`  SimPy: ${n} requests in ${(wall * 1000).toFixed(0)} ms = ${(simpyRate / 1000).toFixed(0)}k requests/s (mean ${mean.toFixed(2)} ms)`);
  console.log(`  ours: ${(oursRate / 1e6).toFixed(2)}M requests/s → ${(oursRate / simpyRate).toFixed(0)}× SimPy (goal ≥ 40×)`);
} else {
  console.log('  SimPy: python3-simpy could not be installed; ratio not measured');
}
