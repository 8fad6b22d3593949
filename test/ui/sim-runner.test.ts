import { describe, expect, it } from 'vitest';
import { loadLeverScenario } from '../../src/content/scenario-file.js';
import { runOnce } from '../../src/engine/sim/compare.js';
import { simRunner } from '../../src/ui/hooks/sim-runner.js';

// The global setup builds dist/ (with its worker entry) before the tests run.
const worker = new URL('../../dist/sim-worker.js', import.meta.url);

describe('simulations off the input loop', () => {
  it.each([
    ['on the built worker thread', worker],
    ['in process (running from source)', undefined],
  ])('%s: a run gives exactly the in-process result', async (_how, file) => {
    const runner = simRunner(file);
    try {
      const sc = loadLeverScenario('closed-loop-stall').scenario;
      expect(await runner.run(sc, 4)).toEqual(runOnce(sc, 4));
    } finally {
      runner.stop();
    }
  });

  it('stop abandons a run under way: its promise rejects, and the next run starts afresh', async () => {
    const runner = simRunner(worker);
    const sc = loadLeverScenario('hedged-reads').scenario;
    const abandoned = runner.run(sc, 1);
    runner.stop();
    await expect(abandoned).rejects.toThrow('simulation stopped');
    const kafka = loadLeverScenario('kafka-consumer-lag').scenario;
    expect(await runner.run(kafka, 2)).toEqual(runOnce(kafka, 2));
    runner.stop();
  });
});
