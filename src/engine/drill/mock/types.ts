/** A mock interview's content: what each phase asks, and the interviewer's curveball. */
import type { RubricConcept } from '../types.js';

/** The six phases of a mock, in order. Their names are the `name` field of the headless JSON. */
export type PhaseName =
  'requirements' | 'estimate' | 'api-data-model' | 'high-level-design' | 'deep-dive' | 'follow-up';

/** A phase answered in prose and scored against its rubric. */
export interface TextPhaseSpec {
  /** What the interviewer asks in this phase (Markdown). */
  prompt: string;
  rubric: RubricConcept[];
}

/** The capacity-estimate phase: figures graded by the estimator against the declared inputs. */
export interface EstimatePhaseSpec {
  prompt: string;
  /** Estimator inputs by name, as in a kind: estimation question (`rps: 1000`, `payload: 1KB`). */
  inputs: Record<string, string | number>;
  /** The results asked for (estimator keys: peakRps, serversNeeded, inFlight, …). */
  ask: string[];
}

/** What the curveball changes in the scenario. */
export type CurveballChange =
  /** Traffic is multiplied by `factor` from `at` on (a morning peak). */
  | { kind: 'rate'; factor: number; at: number }
  /** A server crashes at `at` for `duration` (ms). */
  | { kind: 'crash'; target: string; at: number; duration: number }
  /** A share `rate` of calls to the target fail from `at` for `duration` (ms): a lost broker, a dead primary. */
  | { kind: 'error'; target: string; rate: number; at: number; duration: number }
  /** The target's service times are multiplied by `factor` from `at` for `duration` (ms). */
  | { kind: 'slow'; target: string; factor: number; at: number; duration: number }
  /** The cache is emptied: every read misses for the whole run (Redis flushed, before it refills). */
  | { kind: 'cold-cache' };

/** The service-level objective the curveball run must meet. */
export interface Slo {
  /** P95 latency of successful requests, ms. */
  p95Ms: number;
  /** Failed ÷ completed requests, 0–1. */
  errorRate: number;
}

/** The interviewer's change of conditions in the last phase. */
export interface CurveballSpec {
  /** What the interviewer says (Markdown). */
  prompt: string;
  /** A built-in request scenario; @default the question's own `scenario` */
  scenario?: string;
  /** Absent when the question has nothing the simulator can run (the report says so). */
  change?: CurveballChange;
  slo?: Slo;
  rubric: RubricConcept[];
}

/** The `mock:` block of a question's front matter (all phases but the deep dive, which uses the framework steps). */
export interface MockSpec {
  requirements: TextPhaseSpec;
  estimate?: EstimatePhaseSpec;
  apiDataModel: TextPhaseSpec;
  highLevelDesign: TextPhaseSpec;
  /** Leads into the framework steps; @default a generic lead-in */
  deepDive?: string;
  curveball: CurveballSpec;
}
