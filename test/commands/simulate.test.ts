import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenarioIds } from '../../src/content/scenario-file.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

function scenarioFile(text: string, name = 's.yaml'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

const MINIMAL =
  'name: tiny\nduration: 5s\ntraffic: { rate: 50 }\nservers:\n  - { count: 2, workers: 2, service: { dist: exponential, mean: 10ms } }\n';

describe('simulate command', () => {
  it('--json prints the DESIGN result document', async () => {
    const { code, stdout } = await runCli(['simulate', scenarioFile(MINIMAL), '--json', '--seed', '3']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(Object.keys(r)).toEqual([
      'scenario',
      'seed',
      'simulatedSeconds',
      'events',
      'wallMs',
      'requests',
      'throughput',
      'latencyMs',
      'errorRate',
      'apdex',
      'servers',
      'breaker',
      'timeline',
    ]);
    expect(r).toMatchObject({ scenario: 'tiny', seed: 3, simulatedSeconds: 5 });
    expect(Object.keys(r.requests)).toEqual([
      'offered',
      'completed',
      'succeeded',
      'failed',
      'timedOut',
      'rejected',
      'shortCircuited',
      'retries',
    ]);
    expect(Object.keys(r.latencyMs)).toEqual(['mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max']);
    expect(r.servers.map((s: { id: string }) => s.id)).toEqual(['server-1', 'server-2']);
    expect(r.timeline).toHaveLength(5);
    expect(Object.keys(r.timeline[0])).toEqual(['t', 'offeredRps', 'goodputRps', 'p95Ms', 'errorRate']);
    // Offered ≈ 50/s × 5 s; every request answered (no timeouts, queues large enough).
    expect(r.requests.offered).toBeGreaterThan(200);
    expect(r.requests.succeeded).toBeGreaterThan(r.requests.offered - 5);
  });

  it('the same seed gives the same result (apart from the wall time)', async () => {
    const path = scenarioFile(MINIMAL);
    const strip = (s: string) => ({ ...JSON.parse(s), wallMs: 0 });
    const a = strip((await runCli(['simulate', path, '--json'])).stdout);
    const b = strip((await runCli(['simulate', path, '--json'])).stdout);
    expect(a).toEqual(b);
  });

  it.each(builtinScenarioIds())('built-in %s runs', async (id) => {
    const { code, stdout } = await runCli(['simulate', id, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).scenario).toBe(id);
  });

  it('the built-ins tell the stories their descriptions tell', async () => {
    const run = async (id: string) => JSON.parse((await runCli(['simulate', id, '--json'])).stdout);
    const [slow, scaled, p95, cached, storm, fixed, outage] = await Promise.all(
      [
        'gateway-1000rps',
        'gateway-1000rps-scaled',
        'p95-500ms',
        'p95-cached',
        'retry-storm',
        'retry-storm-fixed',
        'breaker-outage',
      ].map(run),
    );
    expect(scaled.latencyMs.p95).toBeLessThan(slow.latencyMs.p95 / 3);
    expect(p95.latencyMs.p95).toBeGreaterThan(250);
    expect(p95.latencyMs.p99).toBeGreaterThan(500);
    expect(cached.latencyMs.p95).toBeLessThan(100);
    expect(storm.requests.retries).toBeGreaterThan(20 * fixed.requests.retries);
    expect(outage.breaker.transitions[0]).toMatchObject({ from: 'closed', to: 'open' });
    expect(outage.breaker.transitions.at(-1)).toMatchObject({ to: 'closed' });
    expect(outage.requests.shortCircuited).toBeGreaterThan(0);
  });

  it('text output has the summary, the servers and the per-second chart', async () => {
    const { stdout } = await runCli(['simulate', 'breaker-outage']);
    for (const text of [
      'Requests',
      'Latency of successful requests (ms)',
      'P99.9',
      'Apdex',
      'server-1',
      'Circuit breaker',
      'closed → open',
      'P95 ms',
      'errors',
    ])
      expect(stdout).toContain(text);
    // Milliseconds to one decimal everywhere, the chart's scale included; percentages to two.
    expect(stdout).toMatch(/P95 ms {2}.* max \d+\.\d\n/);
    expect(stdout).toMatch(/errors {2}.* max \d+\.\d\d%\n/);
  });

  it.each([
    ['an unknown field', MINIMAL + 'colour: blue\n', /:6: colour: unknown field/],
    ['a bad duration', MINIMAL.replace('5s', 'soon'), /: duration: must be a duration such as "250ms"/],
    [
      'a bad strategy',
      MINIMAL + 'loadBalancer: { strategy: psychic }\n',
      /: loadBalancer.strategy: must be one of round-robin/,
    ],
    [
      'a bad jitter',
      MINIMAL + 'policies: { retry: { attempts: 3, jitter: lots } }\n',
      /: policies.retry.jitter: must be one of none, full, equal, decorrelated/,
    ],
    [
      'a fault on a missing server',
      MINIMAL + 'faults: [ { at: 1s, kind: crash, target: server-9, duration: 1s } ]\n',
      /: faults\[0\].target: must be server-1 … server-2/,
    ],
    [
      'an impossible lognormal',
      MINIMAL.replace('dist: exponential, mean: 10ms', 'dist: lognormal, mean: 10ms, p99: 5ms'),
      /: servers\[0\].service.p99: no lognormal/,
    ],
    ['broken YAML', 'name: [unclosed\n', /s\.yaml:\d: /],
  ])('%s is reported as path:line: field: message, exit 2', async (_name, text, message) => {
    const path = scenarioFile(text);
    const { code, stdout, stderr } = await runCli(['simulate', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(path)).toBe(true);
    expect(stderr).toMatch(message);
  });

  it('a scenario over the event budget is refused up front with the estimate', async () => {
    const { code, stderr } = await runCli([
      'simulate',
      scenarioFile(MINIMAL.replace('duration: 5s', 'duration: 1d').replace('rate: 50', 'rate: 5000')),
    ]);
    expect(code).toBe(2);
    // 5000/s × 86,400 s × 2 events per request
    expect(stderr).toMatch(
      /s\.yaml:3: traffic\.rate: would take about 864,000,000 events, over the budget of 200,000,000/,
    );
  });

  it.each([
    [['simulate'], /name a scenario/],
    [
      ['simulate', 'no-such-thing'],
      /no scenario file or built-in scenario named no-such-thing \(built-in: .*gateway-1000rps/,
    ],
    [['simulate', 'gateway-1000rps', '--seed', 'x'], /--seed must be a whole number/],
    // The hint must not suggest --seed=-1, which is refused in turn.
    [
      ['simulate', 'gateway-1000rps', '--seed', '-1'],
      /^gocoffee-drill: simulate: --seed needs a value, and what follows it starts with a dash \(negative numbers are not accepted/,
    ],
    [['simulate', 'gateway-1000rps', '--seed=-1'], /--seed must be a whole number from 0 to 4294967295, not -1/],
  ])('%j is a usage error', async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
