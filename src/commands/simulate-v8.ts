/**
 * V8's inlining budget for the `simulate` command's one-shot process. The request-level models run in
 * WebAssembly (src/engine/sim/kernel.ts), which the flag does not touch; the models still in JavaScript
 * (gateway, Kafka, closed loop, cache, hedging, metastability, availability) call a dozen small functions
 * per event, and once the budget is spent the rest stay calls that box the doubles they pass. 4,000 bytes
 * was measured best for such a loop in a short run (more compiles slower). Flags only affect code compiled
 * from then on, and never change a result. For `v8.setFlagsFromString`.
 */
export function simulateV8Flags(): string {
  return '--max-inlined-bytecode-size-cumulative=4000';
}
