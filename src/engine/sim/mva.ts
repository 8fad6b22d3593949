/**
 * Exact mean value analysis of a closed network of N users: a think (delay) station with mean Z and one
 * queueing station of `servers` identical exponential servers, each at mean service time S (Reiser and
 * Lavenberg's MVA with a load-dependent station: its rate with j jobs present is min(j, servers) / S).
 * Independent of the simulator: the reference for the interactive response-time law X = N / (R + Z).
 */
export function mva(
  users: number,
  servers: number,
  serviceMs: number,
  thinkMs: number,
): { throughputRps: number; responseMs: number } {
  // p[j]: probability of j jobs at the station, for the previous population.
  let p = new Float64Array(users + 1);
  p[0] = 1;
  let x = 0;
  let r = 0;
  for (let n = 1; n <= users; n += 1) {
    r = 0;
    for (let j = 1; j <= n; j += 1) r += ((j * serviceMs) / Math.min(j, servers)) * p[j - 1];
    x = n / (thinkMs + r);
    const next = new Float64Array(users + 1);
    let rest = 0;
    for (let j = 1; j <= n; j += 1) {
      next[j] = ((x * serviceMs) / Math.min(j, servers)) * p[j - 1];
      rest += next[j];
    }
    next[0] = Math.max(0, 1 - rest);
    p = next;
  }
  return { throughputRps: x * 1000, responseMs: r };
}
