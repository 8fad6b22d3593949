/**
 * V8's inlining budget for the `simulate` command's one-shot process (bench/sim.mjs sets the same
 * before timing the engine in-process). A simulator loop calls a dozen small functions per event; once
 * the budget is spent the rest stay calls, and each boxes the doubles it passes (a heap number, then
 * garbage). The full model's loop (policies, faults, dependency) has three times the plain loop's code:
 * 12,000 bytes measured 14% faster there than 4,000 (bench/sim.mjs, 1e7 requests), while the plain loop
 * gains nothing from it and compiles slower, which a short run pays for. Flags only affect code compiled
 * from then on, and never change a result. For `v8.setFlagsFromString`.
 */
export function simulateV8Flags(fullModel: boolean): string {
  return `--max-inlined-bytecode-size-cumulative=${fullModel ? 12_000 : 4_000}`;
}
