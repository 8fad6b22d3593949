import * as z from 'zod/mini';
import { AVAILABILITY_BUDGET, estimateAvailabilityChanges } from './budget.js';
import { MAX_SEED, int, num, obj, oneOf, text, time, type Fail } from './fields.js';
import { big } from './request-fields.js';
import type { AvailabilityScenario } from './scenario.js';

const HOUR_MS = 3_600_000;

/** A `kind: availability` document: components that fail and are repaired, in series. */
export const availabilityFields = z.lazy(() =>
  obj({
    kind: z.literal('availability'),
    name: text(),
    description: z.optional(text()),
    seed: z._default(int(`Seed of the random generator (overridden by --seed). At most ${MAX_SEED}.`, 0, MAX_SEED), 1),
    horizon: z.optional(time('Simulated time per trial. Default 1 y.', true)),
    trials: z._default(
      int(
        `Independent trials. Budget: trials × instances × failures per trial ≤ ${AVAILABILITY_BUDGET.toLocaleString('en-US')}.`,
        1,
      ),
      200,
    ),
    target: z.optional(
      num('Target availability in percent (99.99), for the report.', { min: 0, exclusiveMin: true, max: 100 }),
    ),
    components: z
      .array(
        obj(
          {
            name: text(),
            mtbf: time('Mean time between failures of one instance.', true),
            mttr: time('Mean time to repair one instance.', true),
            count: z._default(int('Instances.', 1), 1),
            needed: z._default(int('active-active: instances that must be up (count − 1 for N+1).', 1), 1),
            mode: z._default(oneOf(['active-active', 'active-passive']), 'active-active'),
            failover: z.optional(
              time('active-passive: the gap when the active instance fails and a standby takes over.'),
            ),
          },
          '',
          'must be a mapping',
        ),
        { error: (iss) => (iss.code === 'invalid_type' ? 'must be a list of at least one component' : undefined) },
      )
      .check(
        z.minLength(1, 'must be a list of at least one component'),
        z.describe('Groups in series: the system is down while any group is.'),
      ),
    // Read once the scenario is valid (levers.ts, expect.ts): their JSON Schema is theirs (scenario-schema.ts).
    levers: z.optional(z.unknown()),
    slos: z.optional(z.unknown()),
    expect: z.optional(z.unknown()),
  }),
);

/** Normalise an availability scenario read by {@link availabilityFields}; times become hours. */
export function toAvailability(raw: z.output<typeof availabilityFields>, fail: Fail): AvailabilityScenario {
  const sc: AvailabilityScenario = {
    kind: 'availability',
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed,
    horizonHours: (raw.horizon ?? 8760 * HOUR_MS) / HOUR_MS,
    trials: raw.trials,
    target: raw.target === undefined ? undefined : raw.target / 100,
    components: raw.components.map((c, i) => {
      if (c.needed > c.count) fail(`components[${i}].needed`, `cannot exceed count (${c.count})`);
      return {
        name: c.name,
        mtbfHours: c.mtbf / HOUR_MS,
        mttrHours: c.mttr / HOUR_MS,
        count: c.count,
        needed: c.mode === 'active-passive' ? 1 : c.needed,
        mode: c.mode,
        failoverSeconds: (c.failover ?? 0) / 1000,
      };
    }),
  };
  return sc;
}

/** The run's size, checked once the scenario is valid. */
export function availabilityBudget(sc: AvailabilityScenario, fail: Fail): void {
  const changes = estimateAvailabilityChanges(sc);
  if (changes > AVAILABILITY_BUDGET)
    fail(
      'trials',
      `${sc.trials} trials of ${sc.horizonHours} h would take about ${big(changes)} failures and repairs, over the budget of ${big(AVAILABILITY_BUDGET)}: fewer trials or a shorter horizon`,
    );
}
