/** Composite availability of components (each 0–1). */

/** All must be up: the product. */
export function series(parts: readonly number[]): number {
  return parts.reduce((a, b) => a * b, 1);
}

/** At least one must be up: 1 − Π(1 − Aᵢ). */
export function parallel(parts: readonly number[]): number {
  return 1 - parts.reduce((a, b) => a * (1 - b), 1);
}

/** At least k of n identical components, each up with probability a, are up (binomial sum). */
export function kOfN(k: number, n: number, a: number): number {
  let total = 0;
  for (let i = k; i <= n; i += 1) total += binomial(n, i) * a ** i * (1 - a) ** (n - i);
  return total;
}

/** Steady-state availability of one component: MTBF / (MTBF + MTTR). */
export function fromMtbf(mtbf: number, mttr: number): number {
  return mtbf / (mtbf + mttr);
}

/** Downtime per year (365 days) in seconds for an availability. */
export function downtimePerYear(a: number): number {
  return (1 - a) * 365 * 86_400;
}

/** The availability that allows `seconds` of downtime a year: the other way round. */
export function availabilityForDowntime(secondsPerYear: number): number {
  return 1 - secondsPerYear / (365 * 86_400);
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i += 1) r = (r * (n - k + i)) / i;
  return r;
}
