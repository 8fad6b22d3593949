import { runScenario } from '../../sim/model.js';
import { toResult } from '../../sim/result.js';
import type { Scenario } from '../../sim/scenario.js';
import type { AnswerLevers } from './answer-levers.js';
import type { CurveballChange, Slo } from './types.js';

/** The curveball run as the report shows it. */
export interface SimulationVerdict {
  /** What the interviewer said. */
  curveball: string;
  scenario: string;
  seed: number;
  /** The levers read from the answer and applied to the scenario. */
  levers: AnswerLevers;
  slo: Slo;
  result: { p95Ms: number; errorRate: number; offeredRps: number; goodputRps: number };
  pass: boolean;
  /** Why it failed, one line per missed objective. */
  failures: string[];
}

/** The scenario with the interviewer's change and the answer's levers applied. Pure: the input is not changed. */
export function applyCurveball(base: Scenario, change: CurveballChange, levers: AnswerLevers): Scenario {
  const sc: Scenario = structuredClone(base);
  switch (change.kind) {
    case 'rate': {
      // The peak replaces the scenario's own steps from `at` on.
      const before = sc.traffic.steps.filter((s) => s.at < change.at);
      const rateAt = before.length ? before[before.length - 1].rate : sc.traffic.rate;
      sc.traffic.steps = [...before, { at: change.at, rate: rateAt * change.factor }];
      break;
    }
    case 'crash':
      sc.faults.push({ at: change.at, kind: 'crash', target: change.target, duration: change.duration });
      break;
    case 'error':
      sc.faults.push({
        at: change.at,
        kind: 'error',
        target: change.target,
        rate: change.rate,
        duration: change.duration,
      });
      break;
    case 'slow':
      sc.faults.push({
        at: change.at,
        kind: 'slow',
        target: change.target,
        factor: change.factor,
        duration: change.duration,
      });
      break;
    case 'cold-cache':
      if (sc.cache) sc.cache.hitRatio = 0;
      break;
    default: {
      const unknown: never = change;
      return unknown;
    }
  }
  if (levers.instances !== undefined) {
    // One group of the first group's servers: the answer says how many, not of which kind.
    const group = { ...sc.servers[0], count: levers.instances };
    sc.servers = [group];
    // A crash target the resized fleet no longer has falls on its last server.
    sc.faults = sc.faults.map((f) =>
      f.kind === 'crash' && /^server-\d+$/.test(f.target) && Number(f.target.slice(7)) > levers.instances!
        ? { ...f, target: `server-${levers.instances}` }
        : f,
    );
  }
  if (levers.timeoutMs !== undefined) sc.policies.timeout = levers.timeoutMs;
  if (levers.retries !== undefined) {
    if (levers.retries === 0) delete sc.policies.retry;
    else {
      const jitter = levers.jitter ? 'full' : (sc.policies.retry?.jitter ?? 'none');
      sc.policies.retry = {
        kind: 'exponential',
        base: 100,
        max: 2000,
        ...sc.policies.retry,
        jitter,
        attempts: levers.retries + 1,
      };
    }
  }
  if (levers.pool !== undefined && sc.dependency) sc.dependency.workers = levers.pool;
  return sc;
}

/** Run the curveball scenario and judge it against the SLO. */
export function runCurveball(
  base: Scenario,
  change: CurveballChange,
  slo: Slo,
  levers: AnswerLevers,
  curveball: string,
): SimulationVerdict {
  const scenario = applyCurveball(base, change, levers);
  const run = toResult(
    scenario.name,
    scenario.seed,
    scenario.duration,
    scenario.warmup,
    runScenario(scenario, scenario.seed),
    0,
  );
  const result = {
    p95Ms: run.latencyMs.p95,
    errorRate: run.errorRate,
    offeredRps: run.throughput.offeredRps,
    goodputRps: run.throughput.goodputRps,
  };
  const failures: string[] = [];
  if (result.p95Ms > slo.p95Ms) failures.push(`P95 ${result.p95Ms.toFixed(1)} ms is over the SLO of ${slo.p95Ms} ms`);
  if (result.errorRate > slo.errorRate)
    failures.push(`error rate ${pct(result.errorRate)} is over the SLO of ${pct(slo.errorRate)}`);
  return {
    curveball,
    scenario: base.name,
    seed: scenario.seed,
    levers,
    slo,
    result,
    pass: failures.length === 0,
    failures,
  };
}

const pct = (x: number) => `${Number((x * 100).toPrecision(3))}%`;
