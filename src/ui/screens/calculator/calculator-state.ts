import { computeEstimate, type Estimate } from '../../../engine/capacity/estimate.js';
import { flagName, normalizeInputs } from '../../../engine/capacity/inputs.js';
import { UnitError } from '../../../engine/capacity/units.js';
import { sanitizeText } from '../../../engine/text/sanitize.js';
import { PRESETS } from './presets.js';

/** The calculator's fields, in screen order: [input name, label]. */
export const FIELDS: Array<[string, string]> = [
  ['dau', 'Daily active users'],
  ['requestsPerUser', 'Requests / user / day'],
  ['rps', 'or: average req/s'],
  ['peakFactor', 'Peak factor'],
  ['readWrite', 'Read:write'],
  ['payload', 'Payload / request'],
  ['recordSize', 'Stored / write'],
  ['retention', 'Retention'],
  ['replication', 'Replication'],
  ['serverRps', 'Server capacity req/s'],
  ['utilization', 'Target utilisation'],
  ['latency', 'Mean latency'],
  ['availability', 'Availability target'],
  ['partitionRps', 'Kafka msg/s per partition'],
  ['consumerRps', 'Consumer msg/s'],
  ['queryTime', 'DB query time'],
  ['queriesPerRequest', 'DB queries / request'],
  ['hotFraction', 'Hot share of reads'],
  ['mtbf', 'MTBF'],
  ['mttr', 'MTTR'],
];

export interface CalculatorState {
  values: Record<string, string>;
  focus: number;
  preset: number;
}

export type CalculatorAction =
  | { type: 'type'; text: string }
  | { type: 'delete-back' }
  | { type: 'clear-field' }
  | { type: 'next-field' }
  | { type: 'previous-field' }
  | { type: 'next-preset' };

export function initialCalculator(): CalculatorState {
  return { values: { ...PRESETS[0].inputs }, focus: 0, preset: 0 };
}

export function calculatorReducer(state: CalculatorState, action: CalculatorAction): CalculatorState {
  const name = FIELDS[state.focus][0];
  const current = state.values[name] ?? '';
  switch (action.type) {
    case 'type':
      return {
        ...state,
        values: { ...state.values, [name]: current + sanitizeText(action.text).replace(/[\n\t]/g, '') },
      };
    case 'delete-back':
      return { ...state, values: { ...state.values, [name]: current.slice(0, -1) } };
    case 'clear-field':
      return { ...state, values: { ...state.values, [name]: '' } };
    case 'next-field':
      return { ...state, focus: (state.focus + 1) % FIELDS.length };
    case 'previous-field':
      return { ...state, focus: (state.focus - 1 + FIELDS.length) % FIELDS.length };
    case 'next-preset': {
      const preset = (state.preset + 1) % PRESETS.length;
      return { ...state, preset, values: { ...PRESETS[preset].inputs } };
    }
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

/** Each field's problem (checked alone), and the estimate from the fields that are valid. */
export function evaluate(values: Record<string, string>): {
  errors: Record<string, string>;
  estimate: Estimate;
  combined?: string;
} {
  const errors: Record<string, string> = {};
  const valid: Record<string, string> = {};
  for (const [name] of FIELDS) {
    const value = values[name]?.trim();
    if (!value) continue;
    try {
      normalizeInputs({ [name]: value });
      valid[name] = value;
    } catch (error) {
      errors[name] = (error as Error).message.replace(`${flagName(name)}: `, '');
    }
  }
  try {
    return { errors, estimate: computeEstimate(normalizeInputs(valid)) };
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    // Fields fine alone but not together (--rps with --dau): compute without the average-rate field.
    const { rps: _rps, ...rest } = valid;
    return { errors, estimate: computeEstimate(normalizeInputs(rest)), combined: error.message };
  }
}
