import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const json = async (argv: string[]) => {
  const r = await runCli(argv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('simulate --levers', () => {
  it('--json lists levers and SLOs with exactly the contract keys', async () => {
    const r = await json(['simulate', 'gateway-1000rps', '--levers', '--json']);
    expect(Object.keys(r)).toEqual(['scenario', 'levers', 'slos']);
    expect(r.scenario).toBe('gateway-1000rps');
    expect(r.levers[0]).toEqual({
      name: 'instances',
      unit: 'instances',
      min: 1,
      max: 12,
      step: 1,
      baseline: 3,
      description: 'gateway instances behind the balancer',
    });
    expect(r.levers.find((l: { name: string }) => l.name === 'timeout')).toMatchObject({ unit: 'ms', baseline: 2000 });
    // A choice lever keeps the same keys; its unit names the values 0, 1, … in order.
    expect(r.levers.find((l: { name: string }) => l.name === 'balancer')).toEqual({
      name: 'balancer',
      unit: 'choice: round-robin|weighted-round-robin|least-connections|ip-hash|random|power-of-two-choices',
      min: 0,
      max: 5,
      step: 1,
      baseline: 0,
      description: 'how the balancer picks an instance',
    });
    expect(r.slos).toEqual([
      { name: 'P95 under 100 ms at 1000-1100 req/s', target: 'latencyMs.p95 <= 100' },
      { name: 'errors under 0.1%', target: 'errorRate <= 0.001' },
    ]);
  });

  it('text lists each lever with its baseline and range', async () => {
    const { stdout } = await runCli(['simulate', 'retry-storm', '--levers']);
    expect(stdout).toMatch(/jitter +none +none \| full \| equal \| decorrelated/);
    expect(stdout).toMatch(/retry-budget +off +0 … 100 %, step 5/);
    expect(stdout).toContain('SLOs');
  });
});

describe('simulate --set', () => {
  it('JSON has exactly the contract: figures as {mean, ci95} under the single-run names, and the verdict', async () => {
    const r = await json(['simulate', 'p95-500ms', '--set', 'cache-hit=90', '--seeds', '2', '--json']);
    expect(Object.keys(r)).toEqual(['scenario', 'slos', 'levers', 'baseline', 'variant', 'verdict']);
    expect(r.levers).toEqual({ 'cache-hit': 90, pool: 20, 'query-time': 60, instances: 4, timeout: 5000 });
    expect(Object.keys(r.variant)).toEqual(['requests', 'throughput', 'latencyMs', 'errorRate', 'apdex']);
    expect(Object.keys(r.variant.latencyMs)).toEqual(['mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max']);
    expect(Object.keys(r.variant.latencyMs.p95)).toEqual(['mean', 'ci95']);
    expect(r.variant.latencyMs.p95.ci95[0]).toBeLessThanOrEqual(r.variant.latencyMs.p95.mean);
    expect(Object.keys(r.verdict)).toEqual(['pass', 'checks']);
    expect(Object.keys(r.verdict.checks[0])).toEqual(['name', 'target', 'value', 'ci95', 'pass']);
    // The baseline misses P95 < 100 ms by far; 90% cache hits make it.
    expect(r.baseline.latencyMs.p95.mean).toBeGreaterThan(250);
    expect(r.verdict.checks[0]).toMatchObject({ target: 'latencyMs.p95 <= 100', pass: true });
    expect(r.verdict.checks[0].value).toBe(r.variant.latencyMs.p95.mean);
    expect(r.verdict.pass).toBe(true);
  });

  it.each([
    [['gateway-1000rps', '--set', 'instances=3'], false],
    [['gateway-1000rps', '--set', 'instances=5'], true],
    [['availability-9999', '--set', 'brokers=2'], false],
    [['availability-9999'], true],
    [['retry-storm', '--set', 'jitter=full', '--set', 'backoff=exponential', '--set', 'retry-budget=10'], true],
    [['retry-storm', '--set', 'timeout=150'], false],
    [['inventory-2pc', '--set', 'must-answer=1'], true],
    [['order-db-recovery', '--set', 'restore-time=0.25'], true],
    [['order-db-recovery', '--set', 'restore-time=2'], false],
    [['partition-cp-ap'], false],
    [['partition-cp-ap', '--set', 'must-answer=1'], true],
  ])('%j passes every SLO: %s', async (argv, pass) => {
    const r = await json(['simulate', ...argv, '--seeds', '3', '--json']);
    expect(r.verdict.pass).toBe(pass);
  });

  it('the text report puts baseline and yours side by side with the verdict', async () => {
    const { stdout } = await runCli(['simulate', 'gateway-1000rps', '--set', 'instances=5', '--seeds', '2']);
    expect(stdout).toMatch(/yours: instances 5 instances \(baseline 3 instances\)/);
    expect(stdout).toMatch(/P95 ms +\d+\.\d ±\d+\.\d +\d+\.\d ±\d+\.\d/);
    expect(stdout).toMatch(/Verdict: PASS/);
  });

  it.each([
    [
      ['gateway-1000rps', '--set', 'colour=blue'],
      /^gocoffee-drill: simulate: --set no lever named colour \(levers: instances, workers, balancer, timeout\)\n$/,
    ],
    [
      ['gateway-1000rps', '--set', 'instances=40'],
      /^gocoffee-drill: simulate: --set instances=40: must be from 1 to 12 instances\n$/,
    ],
    [['gateway-1000rps', '--set', 'instances'], /--set instances: write NAME=VALUE/],
    [['gateway-1000rps', '--set', 'instances=4', '--seeds', '0'], /--seeds must be a whole number from 1 to 50, not 0/],
    [['gateway-1000rps', '--levers', '--set', 'instances=4'], /--levers lists the levers/],
    [
      ['BARE', '--set', 'count=1'],
      /^gocoffee-drill: simulate: .*b\.yaml declares no levers \(add a levers: list; see docs\/simulator\.md\)\n$/,
    ],
    [
      ['FILE', '--set', 'count=1'],
      /with count=1, .*k\.yaml is not a valid scenario: components\[0\]\.needed: cannot exceed count \(1\)/,
    ],
  ])('%j: one line, exit 2', async (argv, message) => {
    const file = join(tempDir(), 'k.yaml');
    writeFileSync(
      file,
      'kind: availability\nname: k\ncomponents:\n  - { name: db, mtbf: 100h, mttr: 1h, count: 3, needed: 2 }\nlevers:\n  - { name: count, field: "components[0].count", unit: n, min: 1, max: 5 }\n',
    );
    const bare = join(tempDir(), 'b.yaml');
    writeFileSync(bare, 'kind: availability\nname: b\ncomponents:\n  - { name: db, mtbf: 100h, mttr: 1h }\n');
    const r = await runCli(['simulate', ...argv.map((a) => (a === 'FILE' ? file : a === 'BARE' ? bare : a))]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('scenarios behind the drills', () => {
  it('every seed question and every fw-* question with a scenario links one that has levers and SLOs', async () => {
    const linked: Record<string, string> = {
      'scalability/q1-1-scale-gateway.md': 'gateway-1000rps',
      'reliability/q1-2-uptime-9999.md': 'availability-9999',
      'consistency/q1-3-inventory-consistency.md': 'inventory-2pc',
      'performance/q1-4-p95-latency.md': 'p95-500ms',
      'reliability/fw-retry-storm.md': 'retry-storm',
      'scalability/fw-diagnose-bottleneck.md': 'postgres-saturated',
      'reliability/fw-backup-rto-rpo.md': 'order-db-recovery',
      'consistency/fw-cap-partition.md': 'partition-cp-ap',
    };
    for (const [file, id] of Object.entries(linked)) {
      const front = parse(readFileSync(join(builtinQuestionsDir(), file), 'utf8').split('---')[1]);
      expect(front.scenario).toBe(id);
      const r = await json(['simulate', id, '--levers', '--json']);
      expect(r.levers.length).toBeGreaterThan(0);
      expect(r.slos.length).toBeGreaterThan(0);
    }
  });
});
