import { loadLeverScenario, type LeverScenario } from '../content/scenario-file.js';
import { compare, seedsFrom, type Comparison } from '../engine/sim/compare.js';
import { applyLevers, parseLeverValue, sloTarget, type Lever } from '../engine/sim/levers.js';
import type { LeverModel } from '../engine/sim/lever-fields.js';
import { validateLeverScenario } from '../engine/sim/validate.js';
import { renderComparison, renderLevers } from './simulate-compare-report.js';
import { UserError, type CommandContext } from './types.js';

/** `simulate SCENARIO --levers`: what may be changed, and what is judged. */
export function listLevers(ctx: CommandContext, ref: string, json: boolean): number {
  const { scenario } = load(ctx, ref) ?? {};
  if (!scenario) return 2;
  const levers = scenario.levers ?? [];
  if (json) {
    const doc = {
      scenario: scenario.name,
      // A choice lever's values are indexes: its unit names them in order (`choice: none|full|equal|decorrelated`).
      levers: levers.map((l) => ({
        name: l.name,
        unit: l.choices ? `choice: ${l.choices.join('|')}` : l.unit,
        min: l.min,
        max: l.max,
        step: l.step,
        baseline: l.baseline,
        description: l.description,
      })),
      slos: (scenario.slos ?? []).map((s) => ({ name: s.name, target: sloTarget(s) })),
    };
    ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else ctx.stdout.write(renderLevers(scenario));
  return 0;
}

/** Parse `--set NAME=VALUE` flags against the levers; a bad one is a UserError naming it. */
export function parseSets(levers: readonly Lever[], sets: readonly string[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0)
      throw new UserError(
        `simulate: --set ${set}: write NAME=VALUE, e.g. --set ${levers[0]?.name ?? 'instances'}=${levers[0]?.max ?? 4}`,
      );
    const parsed = parseLeverValue(levers, set.slice(0, eq).trim(), set.slice(eq + 1));
    if ('problem' in parsed) throw new UserError(`simulate: --set ${parsed.problem}`);
    values[set.slice(0, eq).trim()] = parsed.value;
  }
  return values;
}

/** The scenario with the levers set, validated like a file (a value can break a rule such as needed ≤ count). */
export function variantOf(loaded: LeverScenario, values: Record<string, number>): LeverModel {
  const { scenario, problems } = validateLeverScenario(applyLevers(loaded.doc, loaded.scenario, values));
  if (!scenario) {
    const set = Object.entries(values)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    throw new UserError(
      `simulate: with ${set}, ${loaded.path} is not a valid scenario: ${problems[0].field}: ${problems[0].message}`,
    );
  }
  return { ...scenario, name: loaded.scenario.name };
}

/** `simulate SCENARIO --set NAME=VALUE … [--seeds N]`: baseline and variant side by side, and the verdict. */
export function runComparison(
  ctx: CommandContext,
  o: { ref: string; sets: string[]; seeds: number; seed?: number; json: boolean },
): number {
  const loaded = load(ctx, o.ref);
  if (!loaded) return 2;
  const levers = loaded.scenario.levers ?? [];
  if (levers.length === 0 && o.sets.length > 0)
    throw new UserError(`simulate: ${loaded.path} declares no levers (add a levers: list; see docs/simulator.md)`);
  const values = parseSets(levers, o.sets);
  const variant = variantOf(loaded, values);
  const seeds = seedsFrom(o.seed ?? loaded.scenario.seed, o.seeds);
  const result = compare(loaded.scenario, variant, seeds);
  if (o.json) ctx.stdout.write(`${JSON.stringify(comparisonJson(loaded.scenario, levers, values, result), null, 2)}\n`);
  else ctx.stdout.write(renderComparison(loaded.scenario, levers, values, result));
  return 0;
}

/** The public JSON of a comparison (the issue's contract): every lever's value in the variant. */
export function comparisonJson(
  sc: LeverModel,
  levers: readonly Lever[],
  values: Record<string, number>,
  r: Comparison,
) {
  return {
    scenario: sc.name,
    slos: (sc.slos ?? []).map((s) => ({ name: s.name, target: sloTarget(s) })),
    levers: Object.fromEntries(levers.map((l) => [l.name, values[l.name] ?? l.baseline])),
    baseline: r.baseline,
    variant: r.variant,
    verdict: r.verdict,
  };
}

function load(ctx: CommandContext, ref: string): LeverScenario | undefined {
  try {
    return loadLeverScenario(ref);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ctx.stderr.write(`${error.message}${error.hint ? ` (${error.hint})` : ''}\n`);
    return undefined;
  }
}
