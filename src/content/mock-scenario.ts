import { mockSpecFor } from '../engine/drill/mock/generic.js';
import type { Question } from '../engine/drill/types.js';
import type { Scenario } from '../engine/sim/scenario.js';
import { UserError } from '../errors.js';
import { loadScenario } from './scenario-file.js';

/**
 * The request scenario a question's curveball runs on: the curveball's own `scenario`, else the
 * question's. Undefined when there is no curveball change, or the scenario is an availability model
 * (it has no requests to run the answer's levers on).
 */
export function curveballScenario(question: Question): Scenario | undefined {
  const spec = mockSpecFor(question);
  if (!spec.curveball.change) return undefined;
  const ref = spec.curveball.scenario ?? question.scenario;
  if (ref === undefined) return undefined;
  let loaded;
  try {
    loaded = loadScenario(ref);
  } catch (error) {
    if (error instanceof UserError)
      throw new UserError(
        `mock: ${question.id}: the curveball's scenario ${ref} cannot be loaded: ${error.message.split('\n')[0]}`,
      );
    throw error;
  }
  return loaded.scenario.kind === 'requests' ? loaded.scenario : undefined;
}
