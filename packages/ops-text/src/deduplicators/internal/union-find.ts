/**
 * Data-Juicer's `UnionFind` over dataset indices, on an Int32Array: the root of every set is its smallest index
 * (`union` sets both roots' parent to the smaller one), with path compression.
 */
export class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  /** The root (smallest index) of `x`'s set. */
  find(x: number): number {
    const p = this.parent;
    let root = x;
    while (p[root] !== root) root = p[root] as number;
    while (p[x] !== root) {
      const next = p[x] as number;
      p[x] = root;
      x = next;
    }
    return root;
  }

  /** Joins the sets of `x` and `y`; the smaller root becomes the root. */
  union(x: number, y: number): void {
    const px = this.find(x);
    const py = this.find(y);
    const root = Math.min(px, py);
    this.parent[px] = root;
    this.parent[py] = root;
  }
}
