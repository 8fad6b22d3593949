import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('estimate command', () => {
  it('--json prints the DESIGN document: inputs, sections, steps, grades', async () => {
    const { code, stdout, stderr } = await runCli([
      'estimate',
      '--dau',
      '10M',
      '--requests-per-user',
      '10',
      '--peak-factor',
      '3',
      '--server-rps',
      '500',
      '--availability',
      '99.99',
      '--guess',
      'peakRps=3k',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['inputs', 'traffic', 'servers', 'availability', 'steps', 'grades']);
    expect(doc.inputs).toMatchObject({
      dau: 1e7,
      requestsPerUser: 10,
      peakFactor: 3,
      serverRps: 500,
      utilization: 0.7,
    });
    expect(doc.inputs.availability).toBeCloseTo(0.9999, 12);
    // 1e8 / 86,400 × 3 = 3,472.2 req/s; ceil(3,472.2 / 350) = 10
    expect(doc.traffic.peakRps).toBeCloseTo(3472.222, 2);
    expect(doc.servers).toEqual({ needed: 10, withRedundancy: 11 });
    expect(doc.availability.downtimeSecPerYear).toBeCloseTo(3153.6, 6);
    expect(doc.steps[0]).toEqual({
      label: 'Requests per day',
      formula: '10M users × 10 req/user/day',
      value: 1e8,
      unit: 'req/day',
    });
    expect(doc.grades).toEqual([expect.objectContaining({ key: 'peakRps', guess: 3000, verdict: 'within 2×' })]);
  });

  it('text output shows the derivation and the grade with the likely slip', async () => {
    const { stdout } = await runCli(['estimate', '--rps', '1000', '--guess', 'peakRps=1000']);
    expect(stdout).toContain('Peak rate');
    expect(stdout).toContain('1000 req/s × peak factor 2 = 2k req/s');
    expect(stdout).toContain('peakRps: you said 1k req/s, it is 2k req/s (2× low): within 2×');
  });

  it.each([
    [
      ['--dau', '-5'],
      /--dau needs a value, and what follows it starts with a dash \(negative numbers are not accepted/,
    ],
    [['--dau=-5'], /--dau: "-5" is negative/],
    [['--payload', '5furlongs', '--rps', '1'], /--payload: unknown size unit "furlongs"/],
    [['--availability', '101'], /--availability: "101" must be above 0 and at most 100%/],
    [['--latency', '200', '--rps', '1'], /--latency: "200" needs a unit: ms, s, m, h, d or y/],
    [['--rps', '100/min'], /--rps: "100\/min" has a time unit/],
    [['--server-rps', '0', '--rps', '5'], /--server-rps: must be above 0/],
    [['--rps', '5', '--guess', 'peakRps'], /--guess: "peakRps" must be KEY=VALUE/],
    [['--rps', '5', '--guess', 'bogus=1'], /--guess: unknown key "bogus"/],
    [['--guess', 'peakRps=1'], /give at least one input flag/],
    [['--bogus', '1'], /estimate: unknown flag --bogus/],
  ])('%j is bad input: one line, exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(['estimate', ...argv]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says which letters are bits and which bytes when sizes are shown', async () => {
    const { stdout } = await runCli(['estimate', '--rps', '1000', '--payload', '1Mb']);
    // 1 Mb = 125 KB; 2,000 req/s at peak × 125 KB = 250 MB/s = 2 Gb/s
    expect(stdout).toContain('2000 req/s × 125 KB = 250 MB/s = 2 Gb/s');
    expect(stdout).toContain('B is bytes, b bits');
  });

  it('with no flags and no terminal, says what to run', async () => {
    const { code, stderr } = await runCli(['estimate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs an interactive terminal.*estimate --dau/);
  });
});
