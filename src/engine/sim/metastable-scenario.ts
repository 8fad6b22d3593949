import { EVENT_BUDGET, estimateEvents } from './budget.js';
import * as z from 'zod/mini';
import { common, described, isObj, num, obj, text, type Fail, type Obj } from './fields.js';
import type { Scenario } from './scenario.js';
import { validateScenario } from './validate.js';
import type { WithLevers } from './levers.js';

/**
 * One request scenario whose faults are a short trigger, run once per variant (`kind: metastable`):
 * the same load and trigger, with and without a retry budget or a breaker, to show which recover.
 */
export interface MetastableScenario extends WithLevers {
  kind: 'metastable';
  name: string;
  description: string;
  seed: number;
  /** A second is healthy when its error rate is at most this (0–1). @default 0.05 */
  healthyErrorRate: number;
  /** The trigger: from the earliest fault's start to the latest fault's end (ms). */
  trigger: { from: number; to: number };
  variants: Array<{ name: string; scenario: Scenario }>;
}

const mapping = (description: string) => described(z.record(z.string(), z.unknown()), description);

/** The `kind: metastable` document: its `scenario` and each variant are checked as request scenarios. */
export const metastableFields = z.lazy(() =>
  obj({
    ...common('metastable', 'One request scenario run once per variant over the same short trigger.'),
    healthyErrorRate: z._default(num('A second is healthy at or below this error rate.', { min: 0, max: 1 }), 0.05),
    scenario: mapping('A request scenario without kind, name or seed; its faults are the trigger.'),
    variants: z
      .array(
        obj(
          { name: text(), set: z.optional(mapping('Dotted paths into the scenario and their values.')) },
          '',
          'must be a mapping with name and set',
        ),
        { error: (iss) => (iss.code === 'invalid_type' ? 'must be a list of variants' : undefined) },
      )
      .check(z.minLength(1, 'must be a list of at least one variant, such as { name: no budget }')),
  }),
);

/** Validate a `kind: metastable` document read by {@link metastableFields}: variants `set` fields by dotted path. */
export function toMetastable(raw: z.output<typeof metastableFields>, fail: Fail): MetastableScenario {
  const doc = (): Obj => structuredClone({ ...raw.scenario, kind: 'requests', name: raw.name, seed: raw.seed });
  const checkedBase = validateScenario(doc());
  for (const p of checkedBase.problems) fail(`scenario.${p.field}`, p.message);
  const variants = raw.variants.map((v, i) => {
    if (checkedBase.problems.length > 0) return { name: v.name, scenario: undefined };
    const variant = doc();
    for (const [path, value] of Object.entries(v.set ?? {}))
      setPath(variant, path.replace(/\[(\d+)\]/g, '.$1').split('.'), value);
    const checked = validateScenario(variant);
    for (const p of checked.problems) fail(`variants[${i}].set`, `${p.field}: ${p.message}`);
    return { name: v.name, scenario: checked.scenario?.kind === 'requests' ? checked.scenario : undefined };
  });
  const ready = variants.flatMap((v) => (v.scenario ? [{ name: v.name, scenario: v.scenario }] : []));
  const faults = ready[0]?.scenario.faults ?? [];
  if (ready.length === variants.length && faults.length === 0)
    fail('scenario.faults', 'needs at least one fault: the short trigger the variants recover from, or not');
  const events = ready.reduce((n, v) => n + estimateEvents(v.scenario), 0);
  if (events > EVENT_BUDGET)
    fail(
      'variants',
      `the variants would take about ${events.toLocaleString('en-US')} events in all, over the budget of ${EVENT_BUDGET.toLocaleString('en-US')}: shorten scenario.duration or lower its rate`,
    );
  return {
    kind: 'metastable',
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed,
    healthyErrorRate: raw.healthyErrorRate,
    trigger: { from: Math.min(...faults.map((f) => f.at)), to: Math.max(...faults.map((f) => f.at + f.duration)) },
    variants: ready,
  };
}

/** Set `path` in a parsed document (list items by index: servers[0].count), making the mappings on the way. */
function setPath(doc: Obj, path: string[], value: unknown): void {
  let o = doc;
  for (const key of path.slice(0, -1)) {
    if (!isObj(o[key]) && !Array.isArray(o[key])) o[key] = {};
    o = o[key] as Obj;
  }
  o[path[path.length - 1]] = value;
}
