import { describe, expect, it } from 'vitest';
import { computeEstimate } from '../../../src/engine/capacity/estimate.js';
import { formatStepValue, formatValue } from '../../../src/engine/capacity/grade.js';
import { normalizeInputs } from '../../../src/engine/capacity/inputs.js';
import { formatPercent, parseShare, parseSize } from '../../../src/engine/capacity/units.js';

const est = (raw: Record<string, string | number>) => computeEstimate(normalizeInputs(raw));

describe('bits and bytes', () => {
  it.each([
    // b is bits: 1 Mb = 10^6 bits = 125,000 bytes; B is bytes.
    ['1Mb', 125_000],
    ['1MB', 1e6],
    ['8b', 1],
    ['1Tb', 1.25e11],
    ['1TB', 1e12],
    ['1Gb', 1.25e8],
    ['1kb', 125],
    ['1KB', 1000],
    ['1kB', 1000],
    ['1Kib', 128],
    ['1KiB', 1024],
    ['100', 100],
  ])('%s = %d bytes', (text, bytes) => expect(parseSize(text, '--payload')).toBe(bytes));

  it('a bandwidth result says bytes and bits: 1,000 req/s × 1 KB = 1 MB/s = 8 Mb/s', () => {
    // --rps 1000, default peak factor 2: 2,000 req/s × 1,000 B = 2 MB/s = 16 Mb/s.
    const e = est({ rps: '1000', payload: '1KB' });
    const ingress = e.steps.find((s) => s.label === 'Ingress at peak')!;
    expect(formatStepValue(ingress.value, ingress.unit)).toBe('2 MB/s = 16 Mb/s');
  });
});

describe('fractions and percentages read the same', () => {
  it.each([
    ['0.999', 0.999],
    ['99.9', 0.999],
    ['99.9%', 0.999],
    ['70', 0.7],
    ['0.7', 0.7],
    ['70%', 0.7],
    ['1', 1],
    ['100', 1],
    ['0.5%', 0.005],
  ])('%s is %f', (text, share) => expect(parseShare(text, '--x')).toBeCloseTo(share, 12));

  it('--availability 0.999 and --availability 99.9 allow the same 8.76 h a year; --utilization 70 is 0.7', () => {
    // (1 − 0.999) × 31,536,000 s = 31,536 s = 8.76 h
    expect(est({ availability: '0.999' }).availability?.downtimeSecPerYear).toBeCloseTo(31_536, 6);
    expect(est({ availability: '99.9' }).availability?.downtimeSecPerYear).toBeCloseTo(31_536, 6);
    expect(normalizeInputs({ utilization: '70' }).utilization).toBeCloseTo(0.7, 12);
  });
});

describe('units that must be given', () => {
  it.each([
    [{ latency: '200' }, '--latency: "200" needs a unit: ms, s, m, h, d or y'],
    [{ retention: '5' }, '--retention: "5" needs a unit: ms, s, m, h, d or y'],
    [{ queryTime: '5' }, '--query-time: "5" needs a unit'],
    [{ rps: '100/min' }, '--rps: "100/min" has a time unit, but this input is already per second'],
    [{ serverRps: '500/s' }, '--server-rps: "500/s" has a time unit'],
    [{ rps: '5h' }, '--rps: "5h" has a time unit'],
    [
      { dau: '1M', requestsPerUser: '10/day' },
      '--requests-per-user: "10/day" has a time unit, but this input is already per day',
    ],
    [
      { payload: '5 furlongs' },
      '--payload: unknown size unit "furlongs" in "5 furlongs" (bytes: B, KB, MB, GB, TB or KiB … TiB; bits: b, Kb, Mb, Gb, Tb)',
    ],
  ])('%j is refused', (raw, message) => expect(() => normalizeInputs(raw)).toThrow(message));

  it('a question file may give seconds as a plain number, and 0 needs no unit', () => {
    expect(normalizeInputs({ latency: 0.2 }).latencySec).toBe(0.2);
    expect(normalizeInputs({ latency: '0' }).latencySec).toBe(0);
  });
});

describe('no load, no servers', () => {
  it('ceil(0 ÷ 350) is 0 servers and no spare', () => {
    const e = est({ rps: '0', serverRps: '500' });
    expect(e.servers).toEqual({ needed: 0, withRedundancy: 0 });
  });

  it('the smallest load needs one server and one spare', () => {
    expect(est({ rps: '0.001', serverRps: '500' }).servers).toEqual({ needed: 1, withRedundancy: 2 });
  });
});

describe('availability digits', () => {
  it.each([
    [0.99861, '99.861%'],
    [0.999, '99.9%'],
    [0.9999, '99.99%'],
    [0.99999, '99.999%'],
    [0.5, '50%'],
    [1, '100%'],
    [0.999861, '99.9861%'],
  ])('%f is %s', (share, text) => expect(formatPercent(share)).toBe(text));

  it('MTBF 30 d, MTTR 1 h is 99.861% (720 ÷ 721), not rounded to 99.9%', () => {
    const e = est({ mtbf: '30d', mttr: '1h' });
    expect(formatValue('ratio', e.reliability!.availabilityFromMtbf)).toBe('99.861%');
  });
});
