/**
 * A seeded pseudo-random generator (mulberry32): every random choice in training (initial weights, shuffles)
 * comes from one of these, so that a seed fixes the whole run.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A float uniformly drawn from [-scale, scale). */
  uniform(scale: number): number {
    return (this.next() * 2 - 1) * scale;
  }

  /** Shuffles `items` in place (Fisher–Yates). */
  shuffle(items: Int32Array): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
  }

  /** A Float32Array of `n` values drawn from [-scale, scale). */
  uniformArray(n: number, scale: number): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform(scale);
    return out;
  }
}
