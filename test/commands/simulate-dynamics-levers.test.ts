import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const json = async (argv: string[]) => {
  const r = await runCli(argv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

/** One built-in scenario per dynamics kind, a lever to set, and a figure of its result to find. */
const KINDS: Array<[kind: string, id: string, set: string, figure: string[]]> = [
  ['kafka', 'kafka-consumer-lag', 'partitions=6', ['lag', 'maxBacklog']],
  ['closed-loop', 'closed-loop-stall', 'users=40', ['closed', 'latencyMs', 'p99']],
  ['metastable', 'retry-storm-metastable', 'retry-budget=10', ['end', 'goodputRps']],
  ['gateway', 'gateway-rush', 'rate-limit=1500', ['requests', 'rejected', 'rateLimited']],
  ['cache', 'menu-cache-coalesced', 'single-flight=off', ['database', 'peakReadsPerSec']],
  ['hedge', 'hedged-reads', 'hedge-after=50', ['hedged', 'workPerRequest']],
];

describe.each(KINDS)('simulate with levers, kind %s (%s)', (_kind, id, set, figure) => {
  it('--levers --json lists levers and SLOs with exactly the contract keys', async () => {
    const r = await json(['simulate', id, '--levers', '--json']);
    expect(Object.keys(r)).toEqual(['scenario', 'levers', 'slos']);
    expect(r.scenario).toBe(id);
    expect(r.levers.length).toBeGreaterThan(0);
    for (const lever of r.levers) {
      expect(Object.keys(lever)).toEqual(['name', 'unit', 'min', 'max', 'step', 'baseline', 'description']);
      expect(lever.baseline).toBeGreaterThanOrEqual(lever.min);
      expect(lever.baseline).toBeLessThanOrEqual(lever.max);
    }
    expect(r.slos.length).toBeGreaterThan(0);
    for (const slo of r.slos) {
      expect(Object.keys(slo)).toEqual(['name', 'target']);
      expect(slo.target).toMatch(/^[\w.]+ (<=|>=) -?\d/);
    }
  });

  it('--set NAME=VALUE --json: baseline and variant in the result shape, each figure a mean and interval, and the verdict', async () => {
    const [name, value] = set.split('=');
    const r = await json(['simulate', id, '--set', set, '--seeds', '2', '--json']);
    expect(Object.keys(r)).toEqual(['scenario', 'slos', 'levers', 'baseline', 'variant', 'verdict']);
    const levers = await json(['simulate', id, '--levers', '--json']);
    expect(Object.keys(r.levers)).toEqual(levers.levers.map((l: { name: string }) => l.name));
    const expected = levers.levers.find((l: { name: string }) => l.name === name);
    expect(r.levers[name]).toBe(
      expected.unit.startsWith('choice') ? expected.unit.slice(8).split('|').indexOf(value) : Number(value),
    );
    for (const side of [r.baseline, r.variant]) {
      const f = figure.reduce((node, key) => node[key], side);
      expect(Object.keys(f)).toEqual(['mean', 'ci95']);
      expect(f.ci95[0]).toBeLessThanOrEqual(f.mean);
      expect(f.ci95[1]).toBeGreaterThanOrEqual(f.mean);
    }
    expect(r.verdict.checks.map((c: { name: string }) => c.name)).toEqual(r.slos.map((s: { name: string }) => s.name));
    for (const c of r.verdict.checks) expect(Object.keys(c)).toEqual(['name', 'target', 'value', 'ci95', 'pass']);
    expect(r.verdict.pass).toBe(r.verdict.checks.every((c: { pass: boolean }) => c.pass));
  });

  it('an unknown lever or a value out of range is one line on stderr, exit 2', async () => {
    const unknown = await runCli(['simulate', id, '--set', 'warp-drive=9']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^gocoffee-drill: simulate: --set no lever named warp-drive \(levers: .+\)\n$/);
    const [name] = set.split('=');
    const out = await runCli(['simulate', id, '--set', `${name}=100000`]);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain(`${name}=100000: must be`);
  });
});
