import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinQuestionsDir } from '../../../src/content/paths.js';
import { dynamicsJsonSchemas } from '../../../src/engine/sim/dynamics-schema.js';
import { DYNAMIC_KINDS, validateDynamic } from '../../../src/engine/sim/dynamics.js';

const dir = join(builtinQuestionsDir(), 'scenarios');
const ajv = new Ajv2020({ strict: false, allErrors: true });
const schemas = dynamicsJsonSchemas();
const validators = Object.fromEntries(Object.entries(schemas).map(([kind, schema]) => [kind, ajv.compile(schema)]));
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, parse(readFileSync(join(dir, f), 'utf8'))] as const)
  .filter(([, doc]) => DYNAMIC_KINDS.includes(doc.kind));

describe("the dynamics kinds' JSON Schemas", () => {
  it('cover every dynamics kind', () => {
    expect(Object.keys(schemas).sort()).toEqual([...DYNAMIC_KINDS].sort());
  });

  it('every shipped dynamics scenario declares levers and SLOs', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(12);
    for (const [, doc] of shipped) {
      expect(validateDynamic(doc).scenario?.levers?.length).toBeGreaterThan(0);
      expect(validateDynamic(doc).scenario?.slos?.length).toBeGreaterThan(0);
    }
  });

  it.each(shipped)("%s is valid against its kind's schema and the validator", (_file, doc) => {
    const validate = validators[doc.kind];
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(validateDynamic(doc).problems).toEqual([]);
  });

  it.each([
    [
      'an unknown field',
      {
        kind: 'kafka',
        name: 't',
        duration: '1m',
        producer: { rate: 1 },
        topic: { partitions: 1 },
        consumers: { count: 1, processing: { mean: '1ms' } },
        lag: 1,
      },
    ],
    [
      'a missing required field',
      {
        kind: 'hedge',
        name: 't',
        duration: '1m',
        traffic: { rate: 1 },
        replicas: 2,
        server: { service: { mean: '1ms' } },
      },
    ],
    [
      'a wrong enum',
      {
        kind: 'gateway',
        name: 't',
        duration: '1m',
        traffic: { rate: 1 },
        server: { service: { mean: '1ms' } },
        timeout: '1s',
        queue: { discipline: 'random' },
      },
    ],
    [
      'a duration without a unit',
      {
        kind: 'cache',
        name: 't',
        duration: '1 minute',
        traffic: { rate: 1 },
        keys: { count: 1 },
        cache: { ttl: '1s' },
        database: { workers: 1, service: { mean: '1ms' } },
      },
    ],
    [
      'an SLO on a metric the kind does not report',
      {
        kind: 'hedge',
        name: 't',
        duration: '1m',
        traffic: { rate: 1 },
        replicas: 2,
        server: { service: { mean: '1ms' } },
        hedge: { after: '5ms' },
        slos: [{ name: 'p95', metric: 'latencyMs.p95', max: 10 }],
      },
    ],
    [
      'a lever on a field another kind has',
      {
        kind: 'kafka',
        name: 't',
        duration: '1m',
        producer: { rate: 1 },
        topic: { partitions: 1 },
        consumers: { count: 1, processing: { mean: '1ms' } },
        levers: [{ name: 'ttl', field: 'cache.ttl', unit: 's', min: 1, max: 10 }],
      },
    ],
    [
      'a lever without a name',
      {
        kind: 'closed-loop',
        name: 't',
        duration: '1m',
        users: 2,
        server: { service: { mean: '1ms' } },
        levers: [{ field: 'users', unit: 'users', min: 1, max: 10 }],
      },
    ],
  ])('refuses %s, as the validator does', (_name, doc) => {
    expect(validators[doc.kind](doc)).toBe(false);
    expect(validateDynamic(doc).problems.length).toBeGreaterThan(0);
  });
});
