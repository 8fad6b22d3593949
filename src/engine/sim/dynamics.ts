import { runClosedLoop, type ClosedLoopResult } from './closed-loop-model.js';
import { readClosedLoop, type ClosedLoopScenario } from './closed-loop-scenario.js';
import { runCache, type CacheResult } from './cache-model.js';
import { readCache, type CacheScenario } from './cache-scenario.js';
import { FieldReader, isObj } from './field-reader.js';
import { readLeverSpecs, readSloSpecs } from './levers.js';
import { runHedge, type HedgeResult } from './hedge-model.js';
import { readHedge, type HedgeScenario } from './hedge-scenario.js';
import { runGateway } from './gateway-model.js';
import type { GatewayResult } from './gateway-result.js';
import { readGateway, type GatewayScenario } from './gateway-scenario.js';
import { runMetastable, type MetastableResult } from './metastable-model.js';
import { readMetastable, type MetastableScenario } from './metastable-scenario.js';
import { runKafka } from './kafka-model.js';
import type { KafkaResult } from './kafka-result.js';
import { readKafka, type KafkaScenario } from './kafka-scenario.js';
import type { ScenarioProblem } from './validate.js';

/**
 * The dynamics models: scenario kinds that are models of their own (a Kafka consumer group, …), each
 * with its own reader and result, dispatched here so the request model and its validator stay as they are.
 */
export type DynamicScenario =
  KafkaScenario | ClosedLoopScenario | MetastableScenario | GatewayScenario | CacheScenario | HedgeScenario;
export type DynamicResult =
  KafkaResult | ClosedLoopResult | MetastableResult | GatewayResult | CacheResult | HedgeResult;
/** A result before the command adds `wallMs` (Omit over each member, so `kind` still narrows). */
export type DynamicRun = DynamicResult extends infer R ? (R extends unknown ? Omit<R, 'wallMs'> : never) : never;

const READERS = {
  kafka: readKafka,
  'closed-loop': readClosedLoop,
  metastable: readMetastable,
  gateway: readGateway,
  cache: readCache,
  hedge: readHedge,
} as const;
export const DYNAMIC_KINDS = Object.keys(READERS) as Array<DynamicScenario['kind']>;

export function isDynamicKind(kind: unknown): kind is DynamicScenario['kind'] {
  return typeof kind === 'string' && (DYNAMIC_KINDS as string[]).includes(kind);
}

export function isDynamicScenario(sc: { kind: string }): sc is DynamicScenario {
  return isDynamicKind(sc.kind);
}

/** Validate and normalise a document whose `kind` is one of {@link DYNAMIC_KINDS}. */
export function validateDynamic(raw: unknown): { scenario?: DynamicScenario; problems: ScenarioProblem[] } {
  if (!isObj(raw) || !isDynamicKind(raw.kind))
    return { problems: [{ field: 'kind', message: `must be one of ${DYNAMIC_KINDS.join(', ')}` }] };
  // Levers and SLOs are read once the model is valid: a lever's baseline is the model's value.
  const { levers, slos, ...fields } = raw;
  const r = new FieldReader();
  const scenario: DynamicScenario = READERS[raw.kind](fields, r);
  if (r.problems.length > 0) return { problems: r.problems };
  const problems: ScenarioProblem[] = [];
  scenario.levers = readLeverSpecs(levers, scenario, problems);
  scenario.slos = readSloSpecs(slos, scenario.kind, problems);
  return problems.length > 0 ? { problems } : { scenario, problems };
}

/** Run a dynamics scenario (pure and seeded); the caller adds `wallMs`. */
export function runDynamic(sc: DynamicScenario, seed: number): DynamicRun {
  switch (sc.kind) {
    case 'kafka':
      return runKafka(sc, seed);
    case 'closed-loop':
      return runClosedLoop(sc, seed);
    case 'metastable':
      return runMetastable(sc, seed);
    case 'gateway':
      return runGateway(sc, seed);
    case 'cache':
      return runCache(sc, seed);
    case 'hedge':
      return runHedge(sc, seed);
  }
}
