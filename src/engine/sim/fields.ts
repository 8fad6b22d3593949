/**
 * The scenario format's field kinds as zod schemas, shared by every scenario kind: durations ("250ms",
 * "30s" or a number of seconds, read as ms), bounded numbers, non-blank text, service-time
 * distributions, rate steps. Each carries the description `simulate --schema` prints, so the JSON
 * Schema is derived from what the validator accepts instead of being kept beside it.
 *
 * Each kind's schema is wrapped in `z.lazy`, so it is built when a scenario of that kind is first read:
 * zod builds a schema out of many objects (all kinds together cost ~25 ms of CPU), and a run reads one.
 */
import * as z from 'zod/mini';
import { describe, fieldName, parseFields } from '../schema/issues.js';
import { lognormalParams, type DistSpec } from './dist.js';

/** A problem with a scenario, by field path (`policies.retry.jitter`). */
export interface ScenarioProblem {
  /** e.g. `policies.retry.jitter` */
  field: string;
  message: string;
}

/** Reports a problem found once the fields are well formed (a cross-field rule, a budget). */
export type Fail = (field: string, message: string) => void;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, y: 31_536_000_000 };
const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|y)\s*$/;

const notDuration = (v: unknown) =>
  `must be a duration such as "250ms" or "30s" (or a number of seconds), not ${describe(v)}`;

/**
 * Give a schema made for one field its description (for the JSON Schema). Registered on the instance,
 * not added with `.check()`, which would copy it: building a schema is most of what zod costs here.
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  if (description) z.globalRegistry.add(schema, { description });
  return schema;
}

/** Text with a unit or a number of seconds, read as ms; one pair for all fields (`positive` refuses 0). */
const DURATIONS = [false, true].map((positive) => {
  const sign = positive ? 'must be above 0' : 'must be at least 0';
  const input = z.union(
    [
      z.string().check(z.regex(DURATION, { error: (iss) => notDuration(iss.input) })),
      z.number().check(z.minimum(0, { error: sign })),
    ],
    { error: (iss) => (iss.input === undefined ? undefined : notDuration(iss.input)) },
  );
  const toMs = z.transform((v: string | number, ctx) => {
    const m = typeof v === 'string' ? (DURATION.exec(v) as RegExpExecArray) : undefined;
    const ms = m ? Number(m[1]) * UNIT_MS[m[2]] : (v as number) * 1000;
    if (positive && ms === 0) ctx.issues.push({ code: 'custom', message: sign, input: v });
    return ms;
  });
  return { input, toMs };
});

/** A duration in ms: "250ms", "30s", "5m", or a number of seconds. `positive` refuses 0. */
export function time(description: string, positive = false) {
  const { input, toMs } = DURATIONS[positive ? 1 : 0];
  return described(
    z.pipe(input, toMs),
    `${description} A string with a unit (ms, s, m, h, d, y), or a number of seconds.`,
  );
}

/** How a number field is bounded. */
export interface NumRule {
  min?: number;
  max?: number;
  integer?: boolean;
  exclusiveMin?: boolean;
}

/** A finite number within `rule` (the range first, so a seed past 2^64 is "at most 4,294,967,295"). */
export function num(description: string, rule: NumRule = {}) {
  const checks = [
    ...(rule.min === undefined ? [] : [rule.exclusiveMin ? z.gt(rule.min) : z.gte(rule.min)]),
    ...(rule.max === undefined ? [] : [z.lte(rule.max)]),
    ...(rule.integer ? [z.int()] : []),
  ];
  return described(checks.length > 0 ? z.number().check(...checks) : z.number(), description);
}

/** A whole number from `min` to `max`. */
export function int(description: string, min: number, max?: number) {
  return num(description, { min, max, integer: true });
}

const TEXT_CHECKS = [z.minLength(1, 'must be text'), z.refine<string>((s) => s.trim() !== '', 'must be text')];
const TEXT = z.string().check(...TEXT_CHECKS);

/** Non-blank text. */
export function text(description = '') {
  return description ? described(z.string().check(...TEXT_CHECKS), description) : TEXT;
}

/** A mapping with exactly these fields (others are refused); `such` is the message for a value that is not a mapping. */
export function obj<S extends z.core.$ZodShape>(shape: S, description = '', such?: string) {
  return described(
    z.strictObject(shape, {
      error: (iss) => (iss.code === 'invalid_type' && iss.input !== undefined && such ? such : undefined),
    }),
    description,
  );
}

/** One of a fixed set of words. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description = '') {
  return described(z.enum(values), description);
}

/** A time distribution: `{ dist: exponential | constant | lognormal, mean, p99 }`. */
export function dist(description = 'A service-time distribution.') {
  return obj(
    {
      dist: z._default(oneOf(['exponential', 'constant', 'lognormal'], 'Shape of the time.'), 'exponential'),
      mean: time('Mean time.', true),
      p99: z.optional(time('99th percentile, lognormal only: above the mean and at most about 15× it.', true)),
    },
    description,
    'must be a mapping such as { dist: exponential, mean: 20ms }',
  );
}

/** A distribution read by {@link dist}, checked as a whole: a lognormal needs a p99 it can reach. */
export function toDist(d: z.output<ReturnType<typeof dist>>, at: string, fail: Fail): DistSpec {
  if (d.dist !== 'lognormal') return { dist: d.dist, mean: d.mean };
  if (d.p99 === undefined) {
    fail(`${at}.p99`, 'is required');
    return { dist: 'lognormal', mean: d.mean, p99: d.mean * 2 };
  }
  if (!lognormalParams(d.mean, d.p99))
    fail(
      `${at}.p99`,
      `no lognormal has mean ${d.mean} ms and p99 ${d.p99} ms: p99 must exceed the mean, by at most e^(2.706) ≈ 15×`,
    );
  return { dist: 'lognormal', mean: d.mean, p99: d.p99 };
}

/** Rate steps: `[{ at: 30s, rate: 2000 }]`. */
export function steps(rateDescription = 'The new rate.') {
  return z.array(
    obj(
      { at: time('When the rate changes.'), rate: num(rateDescription, { min: 0 }) },
      '',
      'must be a mapping with at and rate',
    ),
  );
}

/** The random seed (overridden by --seed): 32 bits, as the generator is seeded from 32 bits. */
export const MAX_SEED = 4_294_967_295;

/** Fields every scenario kind has. */
export function common(kind: string, description: string) {
  return {
    kind: described(z.literal(kind), description),
    name: text(),
    description: z.optional(text()),
    seed: z._default(int(`Seed of the random generator (overridden by --seed). At most ${MAX_SEED}.`, 0, MAX_SEED), 1),
  };
}

/**
 * Parse a scenario document with `schema`, then `build` the model from the well-formed fields (the
 * cross-field rules and budgets report through `fail`). Problems are by field path, one line each.
 */
export function readScenario<S extends z.ZodMiniType, T>(
  schema: S,
  raw: unknown,
  build: (fields: z.output<S>, fail: Fail) => T,
): { scenario?: T; problems: ScenarioProblem[] } {
  const parsed = parseFields(schema, raw);
  if (parsed.data === undefined)
    return { problems: parsed.problems.map((p) => ({ field: fieldName(p.path), message: p.message })) };
  const problems: ScenarioProblem[] = [];
  const scenario = build(parsed.data, (field, message) => void problems.push({ field, message }));
  return problems.length > 0 ? { problems } : { scenario, problems };
}

/** A parsed YAML/JSON mapping. */
export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
