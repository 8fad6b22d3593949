import { computeEstimate, type Estimate } from '../engine/capacity/estimate.js';
import { findGradeable, formatStepValue, formatValue, preferredUnit } from '../engine/capacity/grade.js';
import { normalizeInputs } from '../engine/capacity/inputs.js';
import { UnitError } from '../engine/capacity/units.js';
import type { Question, Step } from '../engine/drill/types.js';
import type { FieldPath } from './question-schema.js';

/**
 * Steps for a kind: estimation question: one per asked result, each graded against the estimator's
 * value, with the derivation up to that result as its model answer. Problems (an input the estimator
 * rejects, a key it cannot compute from these inputs) are reported against the file.
 */
export function estimationSteps(
  question: Pick<Question, 'estimate'>,
  report: (field: FieldPath, message: string) => void,
): Step[] {
  const spec = question.estimate;
  if (!spec) return [];
  let estimate: Estimate;
  try {
    estimate = computeEstimate(normalizeInputs(spec.inputs, (name) => `estimate.inputs.${name}`));
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    const field = /^estimate\.inputs\.(\w+)/.exec(error.message)?.[1];
    report(
      field ? ['estimate', 'inputs', field] : ['estimate', 'inputs'],
      error.message.replace(/^estimate\.inputs\.\w+: /, ''),
    );
    return [];
  }
  const steps: Step[] = [];
  spec.ask.forEach((key, i) => {
    const gradeable = findGradeable(key);
    const actual = gradeable?.get(estimate);
    if (!gradeable || actual === undefined) {
      report(
        ['estimate', 'ask', i],
        gradeable ? `"${key}" is not computed from these inputs` : `"${key}" is not a result the estimator grades`,
      );
      return;
    }
    const upTo = estimate.steps.findIndex((s) => s.label === gradeable.step);
    const derivation = estimate.steps
      .slice(0, upTo + 1)
      .map((s) => `- ${s.label}: ${s.formula} = **${formatStepValue(s.value, s.unit)}**`);
    steps.push({
      title: `Estimate the ${gradeable.label}`,
      form: 'estimate',
      prompt: `Your figure for the ${gradeable.label}, with a unit if it has one (e.g. 3k, 20TB, 52m).`,
      hints: [
        derivation.length > 1 ? `Start from: ${estimate.steps[0].label.toLowerCase()}.` : 'One formula does it.',
        `The last step is "${gradeable.step}".`,
      ],
      rubric: [],
      model: derivation.join('\n'),
      estimate: {
        key,
        label: gradeable.label,
        actual,
        readable: formatValue(gradeable.kind, actual),
        unit: preferredUnit(gradeable.kind),
      },
    });
  });
  return steps;
}
