import { describe, expect, it } from 'vitest';
import { DEFAULTS, flagName, INPUT_NAMES, normalizeInputs } from '../../../src/engine/capacity/inputs.js';
import { UnitError } from '../../../src/engine/capacity/units.js';

describe('estimator inputs: each name, its unit and its bounds', () => {
  it.each([
    ['dau', '2M', 'dau', 2e6],
    ['requestsPerUser', '1.5k', 'requestsPerUser', 1500],
    ['rps', '3k', 'rps', 3000],
    ['peakFactor', '3', 'peakFactor', 3],
    ['readWrite', '4:1', 'readWrite', { read: 4, write: 1 }],
    ['payload', '2KB', 'payloadBytes', 2000],
    ['recordSize', '1KiB', 'recordBytes', 1024],
    ['retention', '30d', 'retentionSec', 2_592_000],
    ['replication', '3', 'replication', 3],
    ['serverRps', '500', 'serverRps', 500],
    ['utilization', '70%', 'utilization', 0.7],
    ['latency', '200ms', 'latencySec', 0.2],
    ['availability', '99.9', 'availability', 0.999],
    ['partitionRps', '10k', 'partitionRps', 10_000],
    ['consumerRps', '2k', 'consumerRps', 2000],
    ['queryTime', '5ms', 'queryTimeSec', 0.005],
    ['queriesPerRequest', '4', 'queriesPerRequest', 4],
    ['hotFraction', '0.2', 'hotFraction', 0.2],
    ['mtbf', '30d', 'mtbfSec', 2_592_000],
    ['mttr', '1h', 'mttrSec', 3600],
  ])('%s = %s is %s %o', (raw, text, field, value) => {
    const inputs = normalizeInputs({ [raw]: text }) as unknown as Record<string, unknown>;
    if (typeof value === 'number') expect(inputs[field]).toBeCloseTo(value, 12);
    else expect(inputs[field]).toEqual(value);
  });

  it('knows exactly these names', () => {
    expect(INPUT_NAMES).toEqual([
      'dau',
      'requestsPerUser',
      'rps',
      'peakFactor',
      'readWrite',
      'payload',
      'recordSize',
      'retention',
      'replication',
      'serverRps',
      'utilization',
      'latency',
      'availability',
      'partitionRps',
      'consumerRps',
      'queryTime',
      'queriesPerRequest',
      'hotFraction',
      'mtbf',
      'mttr',
    ]);
  });

  it('fills the defaults, and an empty value is no value', () => {
    expect(DEFAULTS).toEqual({ peakFactor: 2, replication: 1, utilization: 0.7, queriesPerRequest: 1 });
    expect(normalizeInputs({ dau: '', payload: undefined })).toEqual({
      peakFactor: 2,
      replication: 1,
      utilization: 0.7,
      queriesPerRequest: 1,
    });
  });

  it.each([
    ['serverRps', '--server-rps: must be above 0'],
    ['peakFactor', '--peak-factor: must be above 0'],
    ['replication', '--replication: must be above 0'],
    ['partitionRps', '--partition-rps: must be above 0'],
    ['consumerRps', '--consumer-rps: must be above 0'],
    ['mtbf', '--mtbf: must be above 0'],
  ])('%s = 0 is refused: %s', (raw, message) => {
    expect(() => normalizeInputs({ [raw]: 0 })).toThrow(new UnitError(message));
  });

  it.each(['dau', 'rps', 'latency', 'mttr', 'queryTime'])('%s = 0 is allowed', (raw) => {
    expect(() => normalizeInputs({ [raw]: 0 })).not.toThrow();
  });

  it.each([
    [1, true],
    [0.999, false],
  ])('a peak factor of %f is allowed: %s', (peakFactor, ok) => {
    const run = () => normalizeInputs({ peakFactor });
    if (ok) expect(run().peakFactor).toBe(1);
    else expect(run).toThrow(new UnitError('--peak-factor: 0.999 must be at least 1 (peak is never below average)'));
  });

  it('rps and dau together are refused', () => {
    expect(() => normalizeInputs({ rps: 1, dau: 1 })).toThrow(
      new UnitError('--rps: give either --rps or --dau with --requests-per-user, not both'),
    );
  });

  it('messages name inputs the way the caller does (a question file uses its own keys)', () => {
    expect(() => normalizeInputs({ serverRps: 0 }, (raw) => `inputs.${raw}`)).toThrow(
      new UnitError('inputs.serverRps: must be above 0'),
    );
    expect(() => normalizeInputs({ nope: 1 }, (raw) => `inputs.${raw}`)).toThrow(
      new UnitError('inputs.nope: not an estimator input'),
    );
  });

  it.each([
    ['dau', '--dau'],
    ['requestsPerUser', '--requests-per-user'],
    ['queryTime', '--query-time'],
    ['mtbf', '--mtbf'],
  ])('flag for %s is %s', (raw, flag) => expect(flagName(raw)).toBe(flag));
});
