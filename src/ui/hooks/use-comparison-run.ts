import { useCallback, useEffect, useRef } from 'react';
import { compareSteps, runOnce, type AnyResult, type Comparison } from '../../engine/sim/compare.js';
import type { LeverModel } from '../../engine/sim/lever-fields.js';

type AnyScenario = LeverModel;

/**
 * Run a comparison one simulation at a time, yielding to Ink's input loop between runs, so keys keep
 * answering and the progress bar moves. Leaving the screen stops it.
 */
export function useComparisonRun(
  onProgress: (done: number, total: number) => void,
  onFinish: (c: Comparison) => void,
  warm?: { baseline: AnyScenario; seeds: number[] },
): (baseline: AnyScenario, variant: AnyScenario, seeds: number[]) => void {
  const cancel = useRef<() => void>(() => {});
  // The baseline's runs, kept for the next try (one hook serves one scenario).
  const baselineRuns = useRef(new Map<number, AnyResult>());
  useEffect(() => () => cancel.current(), []);
  // While the user reads the levers, run the baseline in the background, one seed per tick: Enter
  // then has only the variant left to run.
  const warmBaseline = warm?.baseline;
  const warmSeeds = warm?.seeds.join(',');
  useEffect(() => {
    if (!warmBaseline || !warmSeeds) return;
    const seeds = warmSeeds.split(',').map(Number);
    let stopped = false;
    const tick = () => {
      const seed = seeds.find((s) => !baselineRuns.current.has(s));
      if (stopped || seed === undefined) return;
      baselineRuns.current.set(seed, runOnce(warmBaseline, seed));
      setTimeout(tick, 0);
    };
    const timer = setTimeout(tick, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [warmBaseline, warmSeeds]);
  return useCallback(
    (baseline, variant, seeds) => {
      cancel.current();
      let stopped = false;
      cancel.current = () => {
        stopped = true;
      };
      const steps = compareSteps(baseline, variant, seeds, baselineRuns.current);
      const tick = () => {
        if (stopped) return;
        const step = steps.next();
        if (step.done) onFinish(step.value);
        else {
          onProgress(step.value.done, step.value.total);
          setTimeout(tick, 0);
        }
      };
      setTimeout(tick, 0);
    },
    [onProgress, onFinish],
  );
}
