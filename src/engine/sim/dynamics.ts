import { runClosedLoop, type ClosedLoopResult } from './closed-loop-model.js';
import { closedLoopFields, toClosedLoop, type ClosedLoopScenario } from './closed-loop-scenario.js';
import { runCache, type CacheResult } from './cache-model.js';
import { cacheFields, toCache, type CacheScenario } from './cache-scenario.js';
import * as z from 'zod/mini';
import { isObj, readScenario, type Fail, type ScenarioProblem } from './fields.js';
import { readLeverSpecs, readSloSpecs } from './levers.js';
import { runHedge, type HedgeResult } from './hedge-model.js';
import { hedgeFields, toHedge, type HedgeScenario } from './hedge-scenario.js';
import { runGateway } from './gateway-model.js';
import type { GatewayResult } from './gateway-result.js';
import { gatewayFields, toGateway, type GatewayScenario } from './gateway-scenario.js';
import { runMetastable, type MetastableResult } from './metastable-model.js';
import { metastableFields, toMetastable, type MetastableScenario } from './metastable-scenario.js';
import { runKafka } from './kafka-model.js';
import type { KafkaResult } from './kafka-result.js';
import { kafkaFields, toKafka, type KafkaScenario } from './kafka-scenario.js';

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

/** Each kind's fields (a zod schema, also its JSON Schema) and how its model is built from them. */
export const DYNAMIC_FIELDS = {
  kafka: kafkaFields,
  'closed-loop': closedLoopFields,
  metastable: metastableFields,
  gateway: gatewayFields,
  cache: cacheFields,
  hedge: hedgeFields,
} as const;
const BUILDERS = {
  kafka: toKafka,
  'closed-loop': toClosedLoop,
  metastable: toMetastable,
  gateway: toGateway,
  cache: toCache,
  hedge: toHedge,
} as const;
export const DYNAMIC_KINDS = Object.keys(DYNAMIC_FIELDS) as Array<DynamicScenario['kind']>;

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
  const kind = raw.kind;
  const read = readScenario(
    DYNAMIC_FIELDS[kind] as z.ZodMiniType,
    fields,
    BUILDERS[kind] as (fields: unknown, fail: Fail) => DynamicScenario,
  );
  const scenario = read.scenario;
  if (!scenario) return read;
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
