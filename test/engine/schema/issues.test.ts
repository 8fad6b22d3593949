import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { describe as show, fieldName, parseFields } from '../../../src/engine/schema/issues.js';

const shape = z.strictObject({
  seed: z._default(z.number().check(z.gte(0), z.lte(4_294_967_295), z.int()), 1),
  rate: z.number().check(z.gt(0)),
  arrival: z._default(z.enum(['poisson', 'constant']), 'poisson'),
  servers: z.array(z.strictObject({ count: z.number().check(z.int()), on: z.optional(z.boolean()) })),
});

describe('zod issues as one-line field problems', () => {
  it.each([
    // The range is checked before the safe-integer bound, and only the first problem of a field is kept.
    [{ seed: 2 ** 64 }, 'seed', 'must be at most 4,294,967,295, not 18446744073709552000'],
    [{ seed: -1 }, 'seed', 'must be at least 0'],
    [{ seed: 1.5 }, 'seed', 'must be a whole number'],
    [{ rate: 0 }, 'rate', 'must be above 0'],
    [{ rate: Number.NaN }, 'rate', 'must be a number, not .nan'],
    [{ rate: '5' }, 'rate', 'must be a number, not "5"'],
    [{ rate: undefined }, 'rate', 'is required'],
    [{ arrival: 'bursty' }, 'arrival', 'must be one of poisson, constant'],
    [{ servers: {} }, 'servers', 'must be a list'],
    [{ servers: [7] }, 'servers[0]', 'must be a mapping'],
    [{ servers: [{ count: 1, on: 1 }] }, 'servers[0].on', 'must be true or false, not 1'],
  ])('%j: %s', (over, field, message) => {
    const { problems } = parseFields(shape, { rate: 1, servers: [{ count: 1 }], ...over });
    expect(problems.map((p) => [fieldName(p.path), p.message])).toEqual([[field, message]]);
  });

  it('an unknown field is one problem per field, naming the known ones', () => {
    const { problems } = parseFields(shape, { rate: 1, servers: [{ count: 1, colour: 'red' }], size: 3, shape: 'x' });
    expect(problems.map((p) => [fieldName(p.path), p.message])).toEqual([
      ['servers[0].colour', 'unknown field (known: count, on)'],
      ['size', 'unknown field (known: seed, rate, arrival, servers)'],
      ['shape', 'unknown field (known: seed, rate, arrival, servers)'],
    ]);
  });

  it('a valid document comes back with its defaults', () => {
    expect(parseFields(shape, { rate: 2, servers: [] })).toEqual({
      data: { seed: 1, rate: 2, arrival: 'poisson', servers: [] },
      problems: [],
    });
  });

  it.each([
    [['steps', 2, 'rubric', 0, 'weight'], 'steps[2].rubric[0].weight'],
    [[0, 'a'], '[0].a'],
    [[], ''],
  ])('names the path %j as %s', (path, name) => {
    expect(fieldName(path)).toBe(name);
  });

  it.each([
    [Number.POSITIVE_INFINITY, '.inf'],
    [Number.NEGATIVE_INFINITY, '-.inf'],
    [undefined, 'nothing'],
    ['soon', '"soon"'],
  ])('shows %s as the user wrote it: %s', (value, shown) => {
    expect(show(value)).toBe(shown);
  });
});
