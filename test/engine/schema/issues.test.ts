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

describe('every rule in its own words', () => {
  const rules = z.strictObject({
    name: z.optional(z.string().check(z.minLength(1))),
    code: z.optional(z.string().check(z.minLength(3), z.maxLength(4))),
    answer: z.optional(z.string().check(z.maxLength(200_000))),
    tags: z.optional(z.array(z.string()).check(z.minLength(1), z.maxLength(2))),
    pair: z.optional(z.array(z.number()).check(z.minLength(2), z.maxLength(1_000))),
    one: z.optional(z.array(z.number()).check(z.maxLength(1))),
    id: z.optional(z.string().check(z.regex(/^[a-z]+$/))),
    mail: z.optional(z.email()),
    when: z.optional(z.union([z.number(), z.string()])),
    odd: z.optional(z.number().check(z.refine((x) => x % 2 === 1))),
    big: z.optional(z.bigint()),
    count: z.optional(z.int().check(z.gte(1), z.lte(1_234_567))),
  });
  it.each([
    [{ name: 5 }, 'name', 'must be text'],
    [{ name: '' }, 'name', 'must be non-empty text'],
    [{ code: 'ab' }, 'code', 'must be at least 3 characters'],
    [{ code: 'abcde' }, 'code', 'must be at most 4 characters'],
    [{ answer: 'x'.repeat(200_001) }, 'answer', 'must be at most 200,000 characters'],
    [{ tags: [] }, 'tags', 'needs at least 1 entry'],
    [{ tags: ['a', 'b', 'c'] }, 'tags', 'has more than 2 entries'],
    [{ pair: [1] }, 'pair', 'needs at least 2 entries'],
    [{ one: [1, 2] }, 'one', 'has more than 1 entry'],
    [{ id: 'A1' }, 'id', 'must match /^[a-z]+$/'],
    [{ mail: 'nope' }, 'mail', 'must match email'],
    [{ when: true }, 'when', 'is not valid (invalid_union)'],
    [{ odd: 2 }, 'odd', 'is not valid (custom)'],
    // A type with no name of its own is named as zod names it.
    [{ big: 1 }, 'big', 'must be bigint'],
    [{ count: 0 }, 'count', 'must be at least 1'],
    [{ count: 1.5 }, 'count', 'must be a whole number'],
    [{ count: 1_234_568 }, 'count', 'must be at most 1,234,567, not 1234568'],
  ])('%j: %s %s', (value, field, message) => {
    expect(parseFields(rules, value).problems.map((p) => [fieldName(p.path), p.message])).toEqual([[field, message]]);
  });

  it.each([
    [{ code: 'abc' }],
    [{ code: 'abcd' }],
    [{ tags: ['a', 'b'] }],
    [{ one: [1] }],
    [{ count: 1 }],
    [{ count: 1_234_567 }],
  ])('%j is within its rules', (value) => {
    expect(parseFields(rules, value).problems).toEqual([]);
  });

  it('a rule of its own on an absent value is that rule, not "is required"', () => {
    const present = z.strictObject({ x: z.unknown().check(z.refine((v) => v !== undefined)) });
    expect(parseFields(present, {}).problems).toEqual([{ path: ['x'], message: 'is not valid (custom)' }]);
  });

  it('a required union that is absent is required', () => {
    const union = z.strictObject({ when: z.union([z.number(), z.string()]) });
    expect(parseFields(union, {}).problems).toEqual([{ path: ['when'], message: 'is required' }]);
  });

  it.each([
    [Number.NaN, '.nan'],
    [1e21, '1e+21'],
    [-0, '0'],
    [null, 'null'],
    [true, 'true'],
    [Symbol('s'), 'Symbol(s)'],
  ])('shows %s as %s', (value, shown) => {
    expect(show(value)).toBe(shown);
  });
});
