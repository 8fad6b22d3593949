/**
 * V8 flags the `simulate` command sets for its own one-shot process (bench/sim.mjs sets the same
 * before timing the engine in-process). The simulator's loop calls a dozen small functions per event;
 * with V8's default inlining budget the later ones stay calls that box every double they pass (a heap
 * number each, then garbage). A larger budget measured about 20% faster. It only affects code
 * compiled from then on, and never changes a result.
 */
export const SIMULATE_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=4000';
