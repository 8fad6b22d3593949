import { lognormalParams, type DistSpec } from './dist.js';
import type { ScenarioProblem } from './validate.js';

/** A parsed YAML/JSON mapping. */
export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, y: 31_536_000_000 };

/** How a number field is bounded. */
export interface NumRule {
  min?: number;
  max?: number;
  integer?: boolean;
  exclusiveMin?: boolean;
  required?: boolean;
}

/**
 * Field readers for the dynamics scenario kinds (Kafka, closed loop, gateway…), each problem reported
 * by its field path. Kept apart from validate.ts so those kinds validate on their own; the rules
 * (durations as "250ms" or seconds, `known` fields only) are the same.
 */
export class FieldReader {
  readonly problems: ScenarioProblem[] = [];

  fail(field: string, message: string): undefined {
    this.problems.push({ field, message });
    return undefined;
  }

  known(o: Obj, at: string, keys: readonly string[]): void {
    for (const key of Object.keys(o))
      if (!keys.includes(key)) this.fail(at ? `${at}.${key}` : key, `unknown field (known: ${keys.join(', ')})`);
  }

  /** A nested mapping; an absent optional one reads as `{}` so its fields take their defaults. */
  obj(o: Obj, key: string, at: string, required = false): Obj {
    const v = o[key];
    if (v === undefined) return required ? (this.fail(at, 'is required'), {}) : {};
    return isObj(v) ? v : (this.fail(at, 'must be a mapping'), {});
  }

  list(o: Obj, key: string, at: string): unknown[] {
    const v = o[key];
    if (v === undefined) return [];
    return Array.isArray(v) ? v : (this.fail(at, 'must be a list'), []);
  }

  str(o: Obj, key: string, at: string, required: boolean): string | undefined {
    const v = o[key];
    if (v === undefined) return required ? this.fail(at, 'is required') : undefined;
    return typeof v === 'string' && v.trim() !== '' ? v : this.fail(at, 'must be text');
  }

  bool(o: Obj, key: string, at: string): boolean | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    return typeof v === 'boolean' ? v : this.fail(at, `must be true or false, not ${JSON.stringify(v)}`);
  }

  num(o: Obj, key: string, at: string, rule: NumRule): number | undefined {
    const v = o[key];
    if (v === undefined) return rule.required ? this.fail(at, 'is required') : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v))
      return this.fail(at, `must be a number, not ${JSON.stringify(v)}`);
    if (rule.integer && !Number.isInteger(v)) return this.fail(at, 'must be a whole number');
    if (rule.min !== undefined && (rule.exclusiveMin ? v <= rule.min : v < rule.min))
      return this.fail(at, `must be ${rule.exclusiveMin ? 'above' : 'at least'} ${rule.min}`);
    if (rule.max !== undefined && v > rule.max)
      return this.fail(at, `must be at most ${rule.max.toLocaleString('en-US')}`);
    return v;
  }

  oneOf<T extends string>(o: Obj, key: string, at: string, allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    return typeof v === 'string' && (allowed as readonly string[]).includes(v)
      ? (v as T)
      : this.fail(at, `must be one of ${allowed.join(', ')}`);
  }

  /** A duration in ms: "250ms", "30s", "5m", or a number of seconds. */
  time(o: Obj, key: string, at: string, required: boolean, positive = false): number | undefined {
    const v = o[key];
    if (v === undefined) return required ? this.fail(at, 'is required') : undefined;
    let ms: number | undefined;
    if (typeof v === 'number' && Number.isFinite(v)) ms = v * 1000;
    else if (typeof v === 'string') {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|y)\s*$/.exec(v);
      if (m) ms = Number(m[1]) * UNIT_MS[m[2]];
    }
    if (ms === undefined)
      return this.fail(
        at,
        `must be a duration such as "250ms" or "30s" (or a number of seconds), not ${JSON.stringify(v)}`,
      );
    if (ms < 0 || (positive && ms === 0)) return this.fail(at, `must be ${positive ? 'above' : 'at least'} 0`);
    return ms;
  }

  /** A time distribution: `{ dist: exponential | constant | lognormal, mean, p99 }`. */
  dist(o: Obj, key: string, at: string): DistSpec {
    const raw = o[key];
    if (!isObj(raw))
      return (
        this.fail(at, 'must be a mapping such as { dist: exponential, mean: 20ms }') ?? { dist: 'constant', mean: 1 }
      );
    this.known(raw, at, ['dist', 'mean', 'p99']);
    const kind =
      this.oneOf(raw, 'dist', `${at}.dist`, ['exponential', 'constant', 'lognormal'] as const) ?? 'exponential';
    const mean = this.time(raw, 'mean', `${at}.mean`, true, true) ?? 1;
    if (kind !== 'lognormal') return { dist: kind, mean };
    const p99 = this.time(raw, 'p99', `${at}.p99`, true, true) ?? mean * 2;
    if (!lognormalParams(mean, p99))
      this.fail(
        `${at}.p99`,
        `no lognormal has mean ${mean} ms and p99 ${p99} ms: p99 must exceed the mean, by at most e^(2.706) ≈ 15×`,
      );
    return { dist: 'lognormal', mean, p99 };
  }

  /** Arrival rate steps: `[{ at: 30s, rate: 2000 }]`. */
  steps(o: Obj, key: string, at: string): Array<{ at: number; rate: number }> {
    return this.list(o, key, at).map((s, i) => {
      const here = `${at}[${i}]`;
      if (!isObj(s)) return this.fail(here, 'must be a mapping with at and rate') ?? { at: 0, rate: 0 };
      this.known(s, here, ['at', 'rate']);
      return {
        at: this.time(s, 'at', `${here}.at`, true) ?? 0,
        rate: this.num(s, 'rate', `${here}.rate`, { min: 0, required: true }) ?? 0,
      };
    });
  }
}
