import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const MINIMAL =
  'name: tiny\nduration: 5s\ntraffic: { rate: 50 }\nservers:\n  - { count: 2, workers: 2, service: { dist: exponential, mean: 10ms } }\n';
const AVAILABILITY = 'kind: availability\nname: a\ntrials: 100\ncomponents:\n  - { name: db, mtbf: 100h, mttr: 1h }\n';

async function refused(text: string) {
  const path = join(tempDir(), 's.yaml');
  writeFileSync(path, text);
  const r = await runCli(['simulate', path]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/internal error|RangeError|\n {4}at /);
  return r.stderr.replace(path, 'FILE');
}

describe('hostile scenarios are refused before running, naming file, line and field', () => {
  it.each([
    [
      'workers ≥ 2^31 (Int32 columns)',
      MINIMAL.replace('workers: 2', 'workers: 2147483648'),
      'FILE:5: servers[0].workers: must be at most 2,147,483,647, not 2147483648',
    ],
    [
      'queue ≥ 2^31',
      MINIMAL.replace('workers: 2', 'workers: 2, queue: 3000000000'),
      'FILE:5: servers[0].queue: must be at most 2,147,483,647, not 3000000000',
    ],
    [
      '10,000,000 servers',
      MINIMAL.replace('count: 2', 'count: 10000000'),
      'FILE:5: servers: 10,000,000 servers in all, over the limit of 10,000',
    ],
    [
      'rate 0 over 1,000,000 h',
      MINIMAL.replace('duration: 5s', 'duration: 1000000h').replace('rate: 50', 'rate: 0'),
      'FILE:2: duration: 3,600,000,000 s of simulated time, over the limit of 86,400 s (one day: the result has a row per second)',
    ],
    [
      'a day at 5000 req/s',
      MINIMAL.replace('duration: 5s', 'duration: 1d').replace('rate: 50', 'rate: 5000'),
      'FILE:3: traffic.rate: would take about 864,000,000 events, over the budget of 200,000,000: shorten duration or lower traffic.rate',
    ],
    [
      'availability trials 1e9',
      AVAILABILITY.replace('trials: 100', 'trials: 1000000000'),
      'FILE:3: trials: 1000000000 trials of 8760 h would take about 174,465,346,535 failures and repairs, over the budget of 50,000,000: fewer trials or a shorter horizon',
    ],
    [
      'slidingWindowSize 1e10',
      `${MINIMAL}policies:\n  circuitBreaker: { slidingWindowSize: 1e10 }\n`,
      'FILE:7: policies.circuitBreaker.slidingWindowSize: must be at most 1,000,000, not 10000000000',
    ],
    [
      'failureRateThreshold 0',
      `${MINIMAL}policies:\n  circuitBreaker: { failureRateThreshold: 0 }\n`,
      'FILE:7: policies.circuitBreaker.failureRateThreshold: must be above 0',
    ],
    [
      'failureRateThreshold 101',
      `${MINIMAL}policies:\n  circuitBreaker: { failureRateThreshold: 101 }\n`,
      'FILE:7: policies.circuitBreaker.failureRateThreshold: must be at most 100, not 101',
    ],
    [
      'a seed past 2^64 − 1',
      `${MINIMAL}seed: 18446744073709551616\n`,
      'FILE:6: seed: must be at most 4,294,967,295, not 18446744073709552000',
    ],
    [
      'a seed past 2^32 − 1',
      `${MINIMAL}seed: 4294967296\n`,
      'FILE:6: seed: must be at most 4,294,967,295, not 4294967296',
    ],
    ['.nan', MINIMAL.replace('rate: 50', 'rate: .nan'), 'FILE:3: traffic.rate: must be a number, not .nan'],
    ['.inf', MINIMAL.replace('rate: 50', 'rate: .inf'), 'FILE:3: traffic.rate: must be a number, not .inf'],
    [
      '-.inf duration',
      MINIMAL.replace('duration: 5s', 'duration: -.inf'),
      'FILE:2: duration: must be a duration such as "250ms" or "30s" (or a number of seconds), not -.inf',
    ],
    ['null', MINIMAL.replace('rate: 50', 'rate: null'), 'FILE:3: traffic.rate: must be a number, not null'],
    [
      'weights with round robin',
      MINIMAL.replace('count: 2, workers: 2,', 'count: 2, workers: 2, weight: 3,') +
        '  - { count: 1, workers: 2, service: { mean: 10ms } }\n',
      'FILE:1: loadBalancer.strategy: round-robin ignores weights: use weighted-round-robin, least-connections or power-of-two-choices, or give every group the same weight',
    ],
    [
      'breaker enabled: yes-ish',
      `${MINIMAL}policies:\n  circuitBreaker: { enabled: 1 }\n`,
      'FILE:7: policies.circuitBreaker.enabled: must be true or false, not 1',
    ],
  ])('%s', async (_name, text, message) => {
    expect(await refused(text)).toBe(`${message}\n`);
  });

  it('failureRateThreshold 100 and a seed of 4,294,967,295 are accepted', async () => {
    const path = join(tempDir(), 's.yaml');
    writeFileSync(path, `${MINIMAL}seed: 4294967295\npolicies:\n  circuitBreaker: { failureRateThreshold: 100 }\n`);
    const r = await runCli(['simulate', path, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).seed).toBe(4294967295);
  });
});
