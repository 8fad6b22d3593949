import { EVENT_BUDGET, estimateEvents } from './budget.js';
import { isObj, type FieldReader, type Obj } from './field-reader.js';
import type { Scenario } from './scenario.js';
import { validateScenario } from './validate.js';
import type { Lever, Slo } from './levers.js';

/**
 * One request scenario whose faults are a short trigger, run once per variant (`kind: metastable`):
 * the same load and trigger, with and without a retry budget or a breaker, to show which recover.
 */
export interface MetastableScenario {
  kind: 'metastable';
  name: string;
  description: string;
  seed: number;
  /** A second is healthy when its error rate is at most this (0–1). @default 0.05 */
  healthyErrorRate: number;
  /** The trigger: from the earliest fault's start to the latest fault's end (ms). */
  trigger: { from: number; to: number };
  variants: Array<{ name: string; scenario: Scenario }>;
  /** The knobs a user may turn (`simulate --levers`). @default [] */
  levers?: Lever[];
  /** The objectives a run is judged against. @default [] */
  slos?: Slo[];
}

/** Validate a `kind: metastable` document: `scenario` (a request scenario) and `variants` that `set` its fields by dotted path. */
export function readMetastable(raw: Obj, r: FieldReader): MetastableScenario {
  r.known(raw, '', ['kind', 'name', 'description', 'seed', 'healthyErrorRate', 'scenario', 'variants']);
  const base = r.obj(raw, 'scenario', 'scenario', true);
  const seed = r.num(raw, 'seed', 'seed', { min: 0, max: 4_294_967_295, integer: true }) ?? 1;
  const doc = (): Obj =>
    structuredClone({ ...base, kind: 'requests', name: typeof raw.name === 'string' ? raw.name : 'metastable', seed });
  const checkedBase = validateScenario(doc());
  for (const p of checkedBase.problems) r.fail(`scenario.${p.field}`, p.message);
  const list = r.list(raw, 'variants', 'variants');
  if (list.length === 0) r.fail('variants', 'must be a list of at least one variant, such as { name: no budget }');
  const variants = list.map((v, i) => {
    const at = `variants[${i}]`;
    if (!isObj(v)) return r.fail(at, 'must be a mapping with name and set') ?? { name: '', scenario: undefined };
    r.known(v, at, ['name', 'set']);
    const name = r.str(v, 'name', `${at}.name`, true) ?? '';
    if (checkedBase.problems.length > 0) return { name, scenario: undefined };
    const variant = doc();
    for (const [path, value] of Object.entries(r.obj(v, 'set', `${at}.set`)))
      setPath(variant, path.replace(/\[(\d+)\]/g, '.$1').split('.'), value);
    const checked = validateScenario(variant);
    for (const p of checked.problems) r.fail(`${at}.set`, `${p.field}: ${p.message}`);
    return { name, scenario: checked.scenario?.kind === 'requests' ? checked.scenario : undefined };
  });
  const ready = variants.flatMap((v) => (v.scenario ? [{ name: v.name, scenario: v.scenario }] : []));
  const faults = ready[0]?.scenario.faults ?? [];
  if (ready.length === variants.length && faults.length === 0)
    r.fail('scenario.faults', 'needs at least one fault: the short trigger the variants recover from, or not');
  const events = ready.reduce((n, v) => n + estimateEvents(v.scenario), 0);
  if (events > EVENT_BUDGET)
    r.fail(
      'variants',
      `the variants would take about ${events.toLocaleString('en-US')} events in all, over the budget of ${EVENT_BUDGET.toLocaleString('en-US')}: shorten scenario.duration or lower its rate`,
    );
  return {
    kind: 'metastable',
    name: r.str(raw, 'name', 'name', true) ?? 'metastable',
    description: r.str(raw, 'description', 'description', false) ?? '',
    seed,
    healthyErrorRate: r.num(raw, 'healthyErrorRate', 'healthyErrorRate', { min: 0, max: 1 }) ?? 0.05,
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
