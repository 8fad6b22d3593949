// Random numbers (src/engine/sim/rng.ts, exponential.ts, dist.ts): xoshiro128** from the JavaScript
// generator's state, the same ziggurat tables, the same service-time distributions. Logarithm, exponential
// and cosine come from JavaScript's Math: WebAssembly has none, and a library's would differ in the last bit.

import { f64s, getF, getI, i32s } from './memory';

@external('env', 'log') export declare function mathLog(x: f64): f64;
@external('env', 'exp') export declare function mathExp(x: f64): f64;
@external('env', 'cos') declare function mathCos(x: f64): f64;

const EXPONENTIAL = 0;
const CONSTANT = 1;

let s0: u32 = 0;
let s1: u32 = 0;
let s2: u32 = 0;
let s3: u32 = 0;

/** The ziggurat's tables (filled by the loader). */
export let ke: usize = 0;
export let we: usize = 0;
export let fe: usize = 0;
/** Service-time distributions by index: kind (0 exponential, 1 constant, 2 lognormal), mean or μ, σ. */
export let distKind: usize = 0;
export let distA: usize = 0;
export let distB: usize = 0;

export function setupRandom(distributions: i32): void {
  ke = i32s(256);
  we = f64s(256);
  fe = f64s(256);
  distKind = i32s(distributions);
  distA = f64s(distributions);
  distB = f64s(distributions);
}

export function seed(a: u32, b: u32, c: u32, d: u32): void {
  s0 = a;
  s1 = b;
  s2 = c;
  s3 = d;
}

@inline export function nextI32(): u32 {
  const b = s1;
  const m = b * 5;
  const result = ((m << 7) | (m >>> 25)) * 9;
  const t = b << 9;
  s2 ^= s0;
  s3 ^= b;
  s1 = b ^ s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  return result;
}

/** Uniform in [0, 1). */
@inline export function uniform(): f64 {
  return <f64>nextI32() / 4294967296.0;
}

/** Uniform in (0, 1]. */
@inline export function uniformOpen(): f64 {
  return (<f64>nextI32() + 1.0) / 4294967296.0;
}

/** Uniform integer in [0, count). */
@inline export function uniformInt(count: f64): f64 {
  return Math.floor(uniform() * count);
}

/** Where the ziggurat's tail starts. */
const R: f64 = 7.697117470131487;

@inline export function standardExponential(): f64 {
  const u = nextI32();
  const i = <i32>(u & 0xff);
  const j = u >>> 8;
  if (<i32>j < getI(ke, i)) return <f64>j * getF(we, i);
  return exponentialSlowPath(i, j);
}

function exponentialSlowPath(layer: i32, position: u32): f64 {
  let i = layer;
  let j = position;
  while (true) {
    if (i == 0) return R - mathLog(uniformOpen());
    const x = <f64>j * getF(we, i);
    if (getF(fe, i) + uniform() * (getF(fe, i - 1) - getF(fe, i)) < mathExp(-x)) return x;
    const u = nextI32();
    i = <i32>(u & 0xff);
    j = u >>> 8;
    if (<i32>j < getI(ke, i)) return <f64>j * getF(we, i);
  }
  return unreachable();
}

/** A draw of distribution g. */
@inline export function serviceTime(g: i32): f64 {
  const kind = getI(distKind, g);
  if (kind == EXPONENTIAL) return getF(distA, g) * standardExponential();
  if (kind == CONSTANT) return getF(distA, g);
  return lognormal(g);
}

function lognormal(g: i32): f64 {
  // Box–Muller, one normal per call; the operands in the order dist.ts evaluates them.
  const radius = Math.sqrt(-2 * mathLog(uniformOpen()));
  const z = radius * mathCos(2 * Math.PI * uniform());
  return mathExp(getF(distA, g) + getF(distB, g) * z);
}
