import { parentPort } from 'node:worker_threads';
import { runOnce } from '../engine/sim/compare.js';
import type { LeverModel } from '../engine/sim/lever-fields.js';

/**
 * A worker thread that runs one simulation per message, so a long run (a four-hour Kafka day, a
 * fifteen-minute autoscaling rush: seconds each) never holds the screen's input loop. Built as its own
 * entry (dist/sim-worker.js); see src/ui/hooks/sim-runner.ts.
 */
parentPort?.on('message', (job: { id: number; scenario: LeverModel; seed: number }) => {
  parentPort?.postMessage({ id: job.id, result: runOnce(job.scenario, job.seed) });
});
