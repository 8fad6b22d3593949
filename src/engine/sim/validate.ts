import { availabilityBudget, availabilityFields, toAvailability } from './availability-fields.js';
import { isDynamicKind, validateDynamic, type DynamicScenario } from './dynamics.js';
import { isObj, readScenario, type Fail, type Obj, type ScenarioProblem } from './fields.js';
import { readLeverSpecs, readSloSpecs } from './levers.js';
import { requestBudgets, requestFields, toRequests } from './request-fields.js';
import type { AvailabilityScenario, Scenario } from './scenario.js';

export { MAX_SEED, type ScenarioProblem } from './fields.js';
export { MAX_BREAKER_CALLS, MAX_INT32 } from './request-fields.js';

/** Validate a scenario for the lever tools (--levers, --set, the Simulate screen, try it): every kind has levers. */
export function validateLeverScenario(raw: unknown): {
  scenario?: Scenario | AvailabilityScenario | DynamicScenario;
  problems: ScenarioProblem[];
} {
  return validateScenario(raw);
}

/** Validate a parsed scenario document and normalise it (times to ms, defaults applied). */
export function validateScenario(raw: unknown): {
  scenario?: Scenario | AvailabilityScenario | DynamicScenario;
  problems: ScenarioProblem[];
} {
  if (!isObj(raw)) return { problems: [{ field: '', message: 'a scenario must be a mapping of fields' }] };
  if (isDynamicKind(raw.kind)) return validateDynamic(raw);
  if (raw.kind === 'availability') {
    const read = readScenario(availabilityFields, raw, toAvailability);
    return read.scenario ? withLevers(raw, read.scenario, availabilityBudget) : read;
  }
  const read = readScenario(requestFields, raw, toRequests);
  return read.scenario ? withLevers(raw, read.scenario, requestBudgets) : read;
}

/**
 * A valid scenario's budgets, then its levers and SLOs: a lever's baseline is the scenario's value,
 * so they are read once the scenario itself is sound.
 */
function withLevers<T extends Scenario | AvailabilityScenario>(
  raw: Obj,
  sc: T,
  budgets: (sc: T, fail: Fail) => void,
): { scenario?: T; problems: ScenarioProblem[] } {
  const problems: ScenarioProblem[] = [];
  budgets(sc, (field, message) => void problems.push({ field, message }));
  if (problems.length > 0) return { problems };
  sc.levers = readLeverSpecs(raw.levers, sc, problems);
  sc.slos = readSloSpecs(raw.slos, sc.kind, problems);
  return problems.length ? { problems } : { scenario: sc, problems };
}
