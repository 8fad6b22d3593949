import { useCallback, useEffect, useRef } from 'react';
import { assemble, type AnyResult, type Comparison } from '../../engine/sim/compare.js';
import type { LeverModel } from '../../engine/sim/lever-fields.js';
import { simRunner, type SimRunner } from './sim-runner.js';

/**
 * Run a comparison one simulation at a time on a worker thread (in process, one run per event-loop turn,
 * when running from source), so keys keep answering and the progress bar moves even while a run takes
 * seconds. Leaving the screen stops it.
 */
export function useComparisonRun(
  onProgress: (done: number, total: number) => void,
  onFinish: (c: Comparison) => void,
  warm?: { baseline: LeverModel; seeds: number[] },
): (baseline: LeverModel, variant: LeverModel, seeds: number[]) => void {
  const runner = useRef<SimRunner | undefined>(undefined);
  /** Bumped by each run and by leaving: a run whose number is no longer current stops at its next step. */
  const generation = useRef(0);
  // The baseline's runs (done or under way), kept for the next try (one hook serves one scenario).
  const baselineRuns = useRef(new Map<number, Promise<AnyResult>>());
  const baselineRun = useCallback((baseline: LeverModel, seed: number) => {
    const kept = baselineRuns.current.get(seed);
    if (kept) return kept;
    runner.current ??= simRunner();
    const run = runner.current.run(baseline, seed);
    baselineRuns.current.set(seed, run);
    run.catch(() => baselineRuns.current.delete(seed));
    return run;
  }, []);
  useEffect(
    () => () => {
      generation.current += 1;
      runner.current?.stop();
    },
    [],
  );
  // While the user reads the levers, run the baseline in the background, one seed after another: Enter
  // then has only the variant left to run.
  const warmBaseline = warm?.baseline;
  const warmSeeds = warm?.seeds.join(',');
  useEffect(() => {
    if (!warmBaseline || !warmSeeds) return;
    let stopped = false;
    void (async () => {
      for (const seed of warmSeeds.split(',').map(Number)) {
        if (stopped) return;
        await baselineRun(warmBaseline, seed).catch(() => undefined);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [warmBaseline, warmSeeds, baselineRun]);
  return useCallback(
    (baseline, variant, seeds) => {
      const current = (generation.current += 1);
      runner.current ??= simRunner();
      const sims = runner.current;
      const total = seeds.length + seeds.filter((seed) => !baselineRuns.current.has(seed)).length;
      let done = 0;
      void (async () => {
        const base: AnyResult[] = [];
        const mine: AnyResult[] = [];
        for (const seed of seeds) {
          const fresh = !baselineRuns.current.has(seed);
          base.push(await baselineRun(baseline, seed));
          if (current !== generation.current) return;
          if (fresh) onProgress((done += 1), total);
          mine.push(await sims.run(variant, seed));
          if (current !== generation.current) return;
          onProgress((done += 1), total);
        }
        onFinish(assemble(baseline, variant, seeds, base, mine));
      })().catch((error: unknown) => {
        // A run stopped by leaving is no failure; anything else is a bug to show, as an in-process run would.
        if (current === generation.current)
          setTimeout(() => {
            throw error;
          }, 0);
      });
    },
    [onProgress, onFinish, baselineRun],
  );
}
