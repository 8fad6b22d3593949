import { useCallback, useEffect, useRef } from 'react';
import { compareSteps, type Comparison } from '../../engine/sim/compare.js';
import type { AvailabilityScenario, Scenario } from '../../engine/sim/scenario.js';

type AnyScenario = Scenario | AvailabilityScenario;

/**
 * Run a comparison one simulation at a time, yielding to Ink's input loop between runs, so keys keep
 * answering and the progress bar moves. Leaving the screen stops it.
 */
export function useComparisonRun(onProgress: (done: number, total: number) => void, onFinish: (c: Comparison) => void): (baseline: AnyScenario, variant: AnyScenario, seeds: number[]) => void {
  const cancel = useRef<() => void>(() => {});
  useEffect(() => () => cancel.current(), []);
  return useCallback(
    (baseline, variant, seeds) => {
      cancel.current();
      let stopped = false;
      cancel.current = () => {
        stopped = true;
      };
      const steps = compareSteps(baseline, variant, seeds);
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
