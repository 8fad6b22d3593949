import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinQuestionsDir } from '../../../src/content/paths.js';
import { scenarioJsonSchema } from '../../../src/engine/sim/scenario-schema.js';
import { validateScenario } from '../../../src/engine/sim/validate.js';
import { runCli } from '../../helpers/run-cli.js';

const dir = join(builtinQuestionsDir(), 'scenarios');
const shipped = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(scenarioJsonSchema());

describe('the scenario JSON Schema', () => {
  it.each(shipped)('%s is valid against it (and against the validator)', (file) => {
    const doc = parse(readFileSync(join(dir, file), 'utf8'));
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validateScenario(doc).problems).toEqual([]);
  });

  it('ships at least the twelve built-in scenarios', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(12);
  });

  it.each([
    [
      'an unknown field',
      { name: 'x', duration: '5s', traffic: { rate: 1 }, servers: [{ service: { mean: '1ms' } }], colour: 'blue' },
    ],
    ['a bad duration', { name: 'x', duration: 'soon', traffic: { rate: 1 }, servers: [{ service: { mean: '1ms' } }] }],
    ['no servers', { name: 'x', duration: '5s', traffic: { rate: 1 }, servers: [] }],
    [
      'a bad strategy',
      {
        name: 'x',
        duration: '5s',
        traffic: { rate: 1 },
        loadBalancer: { strategy: 'psychic' },
        servers: [{ service: { mean: '1ms' } }],
      },
    ],
    [
      'a breaker threshold of 0',
      {
        name: 'x',
        duration: '5s',
        traffic: { rate: 1 },
        servers: [{ service: { mean: '1ms' } }],
        policies: { circuitBreaker: { failureRateThreshold: 0 } },
      },
    ],
    [
      'workers past Int32',
      { name: 'x', duration: '5s', traffic: { rate: 1 }, servers: [{ workers: 2 ** 31, service: { mean: '1ms' } }] },
    ],
    [
      'an SLO with both bounds',
      {
        name: 'x',
        duration: '5s',
        traffic: { rate: 1 },
        servers: [{ service: { mean: '1ms' } }],
        slos: [{ name: 's', metric: 'errorRate', max: 1, min: 0 }],
      },
    ],
    [
      'a lever on a field levers cannot move',
      {
        name: 'x',
        duration: '5s',
        traffic: { rate: 1 },
        servers: [{ service: { mean: '1ms' } }],
        levers: [{ name: 'colour', field: 'servers[0].colour', unit: 'x', min: 0, max: 1 }],
      },
    ],
    [
      'an availability component without mtbf',
      { kind: 'availability', name: 'a', components: [{ name: 'db', mttr: '1h' }] },
    ],
  ])('refuses %s, as the validator does', (_name, doc) => {
    expect(validate(doc)).toBe(false);
    expect(validateScenario(doc).problems.length).toBeGreaterThan(0);
  });

  it('simulate --schema prints it as one JSON document', async () => {
    const r = await runCli(['simulate', '--schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(scenarioJsonSchema());
  });
});

describe('the schema file shipped in the package', () => {
  it('questions/scenario.schema.json is exactly what simulate --schema prints (regenerate it with simulate --schema when the format changes)', () => {
    const file = JSON.parse(readFileSync(join(builtinQuestionsDir(), 'scenario.schema.json'), 'utf8'));
    expect(file).toEqual(scenarioJsonSchema());
  });
});
