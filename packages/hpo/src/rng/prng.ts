/** A seeded source of uniform numbers in [0, 1); every sampler draws from one. */
export interface Rng {
  /** A uniform number in [0, 1). */
  next(): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter generator), seeded through splitmix32 from one or more integers.
 * Seeding from `(seed, trialIndex)` gives every trial its own stream, so a resumed search draws the same values.
 */
export function createRng(...seeds: number[]): Rng {
  let mixed = 0x2545f491;
  for (const s of seeds) mixed = splitmix32((mixed ^ Math.imul(s | 0, 0x27d4eb2d)) >>> 0)();
  const seedGen = splitmix32(mixed);
  let a = seedGen();
  let b = seedGen();
  let c = seedGen();
  let d = seedGen();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // sfc32's authors discard the first outputs to mix the state
  return { next };
}

/** A uniform number in [low, high). */
export function uniform(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng.next();
}

/** A standard normal draw (Box-Muller; the second value is discarded so each draw costs the same two uniforms). */
export function standardNormal(rng: Rng): number {
  let u = rng.next();
  while (u <= Number.MIN_VALUE) u = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** A Gamma(shape, 1) draw (Marsaglia and Tsang 2000; shapes below 1 use the boost `U^(1/shape)`). */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) draw from two gamma draws. */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** An index drawn with probability proportional to `weights`. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}
