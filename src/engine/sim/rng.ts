/**
 * xoshiro128** (Blackman & Vigna), seeded through splitmix32: fast, 128 bits of state, and the same
 * sequence for the same seed on every machine (only 32-bit integer maths).
 */
export class Rng {
  /** The four state words, in a typed array: class fields holding values past 2^30 would be boxed. */
  private readonly s = new Int32Array(4);

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (let i = 0; i < 4; i += 1) this.s[i] = next();
    if ((this.s[0] | this.s[1] | this.s[2] | this.s[3]) === 0) this.s[3] = 1;
  }

  /** The state, for a copy of the generator elsewhere (the plain model's WebAssembly loop). */
  words(): Uint32Array {
    return Uint32Array.from(this.s);
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextU32(): number {
    return this.nextI32() >>> 0;
  }

  /** The same 32 bits as a signed integer (stays a small integer in V8, where the unsigned form may not). */
  nextI32(): number {
    const s = this.s;
    const b = s[1];
    const m = Math.imul(b, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = b << 9;
    s[2] ^= s[0];
    s[3] ^= b;
    s[1] = b ^ s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    const d = s[3];
    s[3] = (d << 11) | (d >>> 21);
    return result;
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform in (0, 1]: safe for a logarithm. */
  nextOpen(): number {
    return (this.nextU32() + 1) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}
