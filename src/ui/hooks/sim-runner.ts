import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runOnce, type AnyResult } from '../../engine/sim/compare.js';
import type { LeverModel } from '../../engine/sim/lever-fields.js';

/** Runs simulations one at a time, off the input loop when it can; `stop` abandons what is running. */
export interface SimRunner {
  run(scenario: LeverModel, seed: number): Promise<AnyResult>;
  stop(): void;
}

/**
 * The built worker (dist/sim-worker.js), next to the bundle's entry or one folder up from a chunk;
 * undefined when running from source (tests), where runs stay in process.
 */
function workerFile(): URL | undefined {
  for (const candidate of ['./sim-worker.js', '../sim-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** A runner on a worker thread when the build has one (or `file` names it), else in process, one run per event-loop turn. */
export function simRunner(file: URL | undefined = workerFile()): SimRunner {
  if (!file) {
    return {
      run: (scenario, seed) =>
        new Promise((resolve, reject) =>
          setTimeout(() => {
            try {
              resolve(runOnce(scenario, seed));
            } catch (error) {
              reject(error);
            }
          }, 0),
        ),
      stop: () => {},
    };
  }
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: (r: AnyResult) => void; reject: (e: unknown) => void }>();
  const start = (): Worker => {
    const w = new Worker(file);
    w.unref();
    w.on('message', (m: { id: number; result: AnyResult }) => {
      waiting.get(m.id)?.resolve(m.result);
      waiting.delete(m.id);
    });
    w.on('error', (error) => {
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
      worker = undefined;
    });
    return w;
  };
  return {
    run(scenario, seed) {
      worker ??= start();
      const id = (next += 1);
      const w = worker;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, scenario, seed });
      });
    },
    stop() {
      // A run cannot be interrupted inside the thread: end the thread; the next run starts a fresh one.
      void worker?.terminate();
      worker = undefined;
      for (const job of waiting.values()) job.reject(new Error('simulation stopped'));
      waiting.clear();
    },
  };
}
