import { describe, expect, it } from 'vitest';
import { hash32, makeBalancer, type ServerView } from '../../../src/engine/sim/balancer.js';
import { Rng } from '../../../src/engine/sim/rng.js';
import type { Strategy } from '../../../src/engine/sim/scenario.js';

function view(up: number[], active: number[] = up.map(() => 0), weight: number[] = up.map(() => 1)): ServerView {
  return { up: Uint8Array.from(up), active: Int32Array.from(active), weight: Float64Array.from(weight) };
}

/** A generator whose integer draws are scripted, recording each call's bound. */
function scripted(draws: number[]): { rng: Rng; bounds: number[] } {
  const bounds: number[] = [];
  const rng = {
    int(n: number) {
      bounds.push(n);
      const k = draws.shift();
      if (k === undefined) throw new Error('scripted rng: out of draws');
      return k;
    },
  } as unknown as Rng;
  return { rng, bounds };
}

const picks = (strategy: Strategy, v: ServerView, count: number, rng: Rng = new Rng(1)) => {
  const pick = makeBalancer(strategy, v, rng);
  return Array.from({ length: count }, (_, c) => pick(c));
};

describe('round robin: each up server in turn, weights ignored', () => {
  it.each([
    [
      [1, 1, 1],
      [1, 1, 1],
      [0, 1, 2, 0, 1, 2, 0],
    ],
    // Unequal weights change nothing: that is weighted round robin's job.
    [
      [1, 1, 1],
      [1, 2, 4],
      [0, 1, 2, 0, 1, 2, 0],
    ],
    [
      [1, 0, 1],
      [1, 1, 1],
      [0, 2, 0, 2, 0],
    ],
    [
      [0, 0, 1, 1],
      [1, 1, 1, 1],
      [2, 3, 2, 3],
    ],
    [[1], [1], [0, 0, 0]],
  ])('up %j, weights %j → %j', (up, weight, sequence) => {
    expect(picks('round-robin', view(up, undefined, weight), sequence.length)).toEqual(sequence);
  });

  it('carries on after the last pick when a server comes back', () => {
    const v = view([1, 0, 1]);
    const pick = makeBalancer('round-robin', v, new Rng(1));
    expect([pick(0), pick(0)]).toEqual([0, 2]);
    v.up[1] = 1;
    expect([pick(0), pick(0), pick(0)]).toEqual([0, 1, 2]);
  });
});

describe('weighted round robin: earliest deadline first, a pick moves its deadline by 1/weight', () => {
  it.each([
    // Deadlines start at 1/w = [1, 0.5, 1]; ties go to the lower index. Worked by hand:
    // 1 (→1), 0 (→2), 1 (→1.5), 2 (→2), 1 (→2), 0 (→3), 1 (→2.5), 2 (→3): per four picks 1 : 2 : 1.
    [
      [1, 2, 1],
      [1, 0, 1, 2, 1, 0, 1, 2],
    ],
    [
      [1, 1, 1],
      [0, 1, 2, 0, 1, 2],
    ],
    // [1/3, 1]: 0 (→2/3), 0 (→1), then the tie at 1 goes to server 0 (→4/3), then 1 (→2): three to one.
    [
      [3, 1],
      [0, 0, 0, 1, 0, 0, 0, 1],
    ],
  ])('weights %j → %j', (weight, sequence) => {
    expect(
      picks(
        'weighted-round-robin',
        view(
          weight.map(() => 1),
          undefined,
          weight,
        ),
        sequence.length,
      ),
    ).toEqual(sequence);
  });

  it('skips a server that is down without moving its deadline', () => {
    expect(picks('weighted-round-robin', view([1, 0, 1], undefined, [1, 2, 1]), 4)).toEqual([0, 2, 0, 2]);
  });
});

describe('least connections: the fewest active requests, ties broken fairly', () => {
  it.each([
    [[1, 1, 1], [3, 1, 2], 1],
    [[1, 1, 1], [0, 5, 5], 0],
    [[1, 1, 1], [5, 4, 0], 2],
    // The least loaded server is down: the next least among those up.
    [[1, 0, 1], [4, 0, 3], 2],
  ])('up %j, active %j → %d', (up, active, chosen) => {
    const { rng, bounds } = scripted([]);
    expect(makeBalancer('least-connections', view(up, active), rng)(0)).toBe(chosen);
    expect(bounds).toEqual([]); // no tie, no draw
  });

  it.each([
    // Reservoir sampling over three tied servers: the k-th tie replaces the choice with probability 1/k.
    // A draw of 0 out of k takes the k-th tied server.
    [[1, 1], 0],
    [[0, 1], 1],
    [[1, 0], 2],
    [[0, 0], 2],
  ])('three-way tie, draws %j → server %d', (draws, chosen) => {
    const { rng, bounds } = scripted(draws);
    expect(makeBalancer('least-connections', view([1, 1, 1], [2, 2, 2]), rng)(0)).toBe(chosen);
    expect(bounds).toEqual([2, 3]);
  });

  it('spreads ties evenly: 30,000 picks over three idle servers, each within 2% of a third', () => {
    const counts = [0, 0, 0];
    for (const s of picks('least-connections', view([1, 1, 1]), 30_000)) counts[s] += 1;
    for (const n of counts) expect(Math.abs(n / 30_000 - 1 / 3)).toBeLessThan(0.02);
  });
});

describe('random and power of two choices', () => {
  it.each([
    [[1, 1, 1], 0, 0],
    [[1, 1, 1], 2, 2],
    [[1, 0, 1], 1, 2],
    [[0, 1, 1], 0, 1],
  ])('random over up %j with draw %d → %d', (up, draw, chosen) => {
    const { rng, bounds } = scripted([draw]);
    expect(makeBalancer('random', view(up), rng)(0)).toBe(chosen);
    expect(bounds).toEqual([up.reduce((a, b) => a + b, 0)]);
  });

  it.each([
    // Two draws; the second wins only when strictly less loaded.
    [[4, 1, 9], [0, 1], 1],
    [[4, 1, 9], [1, 0], 1],
    [[4, 1, 9], [0, 2], 0],
    [[4, 4, 9], [0, 1], 0],
    [[4, 4, 9], [1, 0], 1],
  ])('active %j, draws %j → %d', (active, draws, chosen) => {
    const { rng, bounds } = scripted(draws);
    expect(makeBalancer('power-of-two-choices', view([1, 1, 1], active), rng)(0)).toBe(chosen);
    expect(bounds).toEqual([3, 3]);
  });

  it('draws nothing when every server is down', () => {
    for (const strategy of ['random', 'power-of-two-choices'] as const) {
      const { rng, bounds } = scripted([]);
      expect(makeBalancer(strategy, view([0, 0]), rng)(0)).toBe(-1);
      expect(bounds).toEqual([]);
    }
  });
});

describe('hash32: FNV-1a then the murmur3 finaliser', () => {
  // Expected values computed independently (Python, from the two published algorithms; FNV-1a("a") = 0xe40c292c).
  it.each([
    ['', 2_872_998_923],
    ['a', 444_641_715],
    ['client-1', 1_163_684_601],
    ['server-1#0', 2_004_086_748],
  ])('hash32(%j) = %d', (text, h) => expect(hash32(text)).toBe(h));

  it('ip hash goes to the first ring point clockwise from the client whose server is up', () => {
    // The ring rebuilt from its definition: 160 points per server at hash32("server-<n>#<v>").
    const points = [0, 1, 2, 3].flatMap((s) =>
      Array.from({ length: 160 }, (_, v) => [hash32(`server-${s + 1}#${v}`), s] as const),
    );
    points.sort((x, y) => x[0] - y[0]);
    const up = [1, 0, 1, 0];
    const expected = (client: number) => {
      const h = hash32(`client-${client}`);
      const start = points.findIndex(([p]) => p >= h);
      for (let k = 0; k < points.length; k += 1) {
        const [, s] = points[((start < 0 ? 0 : start) + k) % points.length];
        if (up[s]) return s;
      }
      return -1;
    };
    const pick = makeBalancer('ip-hash', view(up), new Rng(1));
    const clients = Array.from({ length: 2000 }, (_, c) => c);
    expect(clients.map((c) => pick(c))).toEqual(clients.map(expected));
  });

  it('ip hash with one server: every client on it, or nowhere when it is down', () => {
    // With one server every client lands on it, and on nothing when it is down.
    const v = view([1]);
    const pick = makeBalancer('ip-hash', v, new Rng(1));
    expect([pick(1), pick(2), pick(3)]).toEqual([0, 0, 0]);
    v.up[0] = 0;
    expect(pick(1)).toBe(-1);
  });
});
