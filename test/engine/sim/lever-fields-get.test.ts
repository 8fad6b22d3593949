import { describe, expect, it } from 'vitest';
import type { GatewayScenario } from '../../../src/engine/sim/gateway-scenario.js';
import { LEVER_FIELDS, type LeverModel } from '../../../src/engine/sim/lever-fields.js';
import type { AvailabilityScenario } from '../../../src/engine/sim/scenario.js';
import { scenario } from './helpers.js';

// A lever reads its baseline from whatever scenario it is given: a field of another kind of scenario, a
// setting that is off, or a server or component past the last one reads as undefined, never as a throw.
const request = scenario();
const availability: AvailabilityScenario = {
  kind: 'availability',
  name: 'a',
  description: '',
  seed: 1,
  horizonHours: 100,
  trials: 1,
  components: [
    { name: 'db', mtbfHours: 99, mttrHours: 1, count: 2, needed: 1, mode: 'active-passive', failoverSeconds: 30 },
  ],
};
const gateway: GatewayScenario = {
  kind: 'gateway',
  name: 'g',
  description: '',
  seed: 1,
  duration: 1000,
  warmup: 0,
  traffic: { rate: 10, arrival: 'constant', steps: [] },
  server: { workers: 1, service: { dist: 'constant', mean: 10 } },
  instances: 1,
  zones: 1,
  faults: [],
  queue: { limit: 10, discipline: 'fifo' },
  timeout: 1000,
};
const models: Array<[string, LeverModel]> = [
  ['a request scenario with no policies', request],
  ['an availability scenario', availability],
  ['a gateway scenario', gateway],
];

describe('every lever field reads a number or nothing', () => {
  it.each(Object.keys(LEVER_FIELDS))('%s', (path) => {
    const field = LEVER_FIELDS[path];
    for (const [, model] of models) {
      const value = field.get(model, 0);
      expect(value === undefined || typeof value === 'number').toBe(true);
      // Index 7: past the one server group and the one component.
      if (path.includes('[]')) expect(field.get(model, 7)).toBeUndefined();
    }
  });

  it('reads the request scenario’s own values, and nothing from the others', () => {
    expect(LEVER_FIELDS['traffic.rate'].get(request, 0)).toBe(100);
    expect(LEVER_FIELDS['traffic.rate'].get(availability, 0)).toBeUndefined();
    expect(LEVER_FIELDS['servers[].workers'].get(request, 0)).toBe(1);
    expect(LEVER_FIELDS['servers[].workers'].get(gateway, 0)).toBeUndefined();
  });
});
