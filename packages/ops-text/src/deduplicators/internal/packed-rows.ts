const CHUNK_ROWS = 1 << 16;

/**
 * Fixed-width rows of 32-bit words, stored in chunks of 65,536 rows: memory grows by `4 · width` bytes a row,
 * never by an object a row, and growing never copies what is stored.
 */
export class PackedRows {
  private readonly chunks: Uint32Array[] = [];
  /** Rows added. */
  length = 0;

  constructor(readonly width: number) {}

  /** Appends a row; `words` must hold `width` words (missing ones are 0). */
  push(words: ArrayLike<number>): void {
    const at = this.length % CHUNK_ROWS;
    if (at === 0) this.chunks.push(new Uint32Array(CHUNK_ROWS * this.width));
    const chunk = this.chunks[this.chunks.length - 1]!;
    const base = at * this.width;
    for (let w = 0; w < this.width; w++) chunk[base + w] = words[w] ?? 0;
    this.length++;
  }

  /** Word `w` of row `row`. */
  word(row: number, w: number): number {
    return this.chunks[(row / CHUNK_ROWS) | 0]![(row % CHUNK_ROWS) * this.width + w]!;
  }
}

/** Flags per row (one byte each), grown in chunks like {@link PackedRows}. */
export class PackedFlags {
  private readonly rows = new PackedBytes();

  /** Appends a flag. */
  push(flag: boolean): void {
    this.rows.push(flag ? 1 : 0);
  }

  /** The flag of `row`. */
  at(row: number): boolean {
    return this.rows.at(row) === 1;
  }
}

class PackedBytes {
  private readonly chunks: Uint8Array[] = [];
  length = 0;

  push(value: number): void {
    const at = this.length % CHUNK_ROWS;
    if (at === 0) this.chunks.push(new Uint8Array(CHUNK_ROWS));
    this.chunks[this.chunks.length - 1]![at] = value;
    this.length++;
  }

  at(row: number): number {
    return this.chunks[(row / CHUNK_ROWS) | 0]![row % CHUNK_ROWS]!;
  }
}
