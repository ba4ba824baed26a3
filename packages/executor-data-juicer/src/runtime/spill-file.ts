import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { asFileSystemError } from '@dj-sandbox/core';
import { readLineChunks } from '../dataset/open-file.ts';
import type { Batch } from './batch.ts';
import type { RawLines } from './raw-batch.ts';

const encoder = new TextEncoder();

class GrowableArray {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i]!;
  }
}

/**
 * An on-disk JSONL file of samples between dataset-level steps (deduplication, selection, sampling), so that no
 * step holds every sample in memory. Keeps each row's byte offset and origin (16 bytes a row) for random access.
 */
export class SpillFile {
  private handle: FileHandle | undefined;
  private readonly offsets = new GrowableArray();
  private readonly origins = new GrowableArray();
  private bytes = 0;

  constructor(readonly path: string) {}

  /** Rows written so far. */
  get count(): number {
    return this.origins.length;
  }

  /** Total bytes written. */
  get size(): number {
    return this.bytes;
  }

  /** Appends a batch. */
  async append(batch: Batch): Promise<void> {
    this.handle ??= await open(this.path, 'w');
    if (batch.samples.length === 0) return;
    const lines = batch.samples.map((sample) => `${JSON.stringify(sample)}\n`);
    // Each line is encoded once, straight into the write buffer, and its byte length comes from that encoding
    // (measuring it first and letting the write encode again scanned every line twice).
    let capacity = 0;
    for (const line of lines) capacity += line.length * 3;
    const out = new Uint8Array(capacity);
    let at = 0;
    for (let i = 0; i < lines.length; i++) {
      this.offsets.push(this.bytes + at);
      this.origins.push(batch.origins[i]!);
      at += encoder.encodeInto(lines[i]!, out.subarray(at)).written;
    }
    this.bytes += at;
    try {
      await this.handle.write(out.subarray(0, at));
    } catch (error) {
      throw asFileSystemError(this.path, error);
    }
  }

  /** Appends rows a worker serialised (one JSON line each) with their origins. */
  async appendSerialized(bytes: Uint8Array, origins: ArrayLike<number>): Promise<void> {
    this.handle ??= await open(this.path, 'w');
    if (origins.length === 0) return;
    let from = 0;
    for (let i = 0; i < origins.length; i++) {
      this.offsets.push(this.bytes + from);
      this.origins.push(origins[i]!);
      from = bytes.indexOf(10, from) + 1;
    }
    this.bytes += bytes.length;
    try {
      await this.handle.write(bytes);
    } catch (error) {
      throw asFileSystemError(this.path, error);
    }
  }

  /** Finishes writing. */
  async close(): Promise<void> {
    this.handle ??= await open(this.path, 'w');
    await this.handle.close();
  }

  /** Streams the rows in order, keeping those whose index passes `keep`. */
  async *read(batchSize: number, keep?: (index: number) => boolean): AsyncGenerator<Batch> {
    let index = 0;
    let batch: Batch = { samples: [], origins: [] };
    for await (const { lines } of readLineChunks(this.path)) {
      for (const line of lines) {
        if (line.length === 0) continue;
        if (!keep || keep(index)) {
          batch.samples.push(JSON.parse(line));
          batch.origins.push(this.origins.at(index));
          if (batch.samples.length >= batchSize) {
            yield batch;
            batch = { samples: [], origins: [] };
          }
        }
        index++;
      }
    }
    if (batch.samples.length) yield batch;
  }

  /**
   * Streams the rows whose index passes `keep` as raw lines (see {@link RawLines}), at most `batchSize` a batch,
   * each with its origin: the bytes are copied, never parsed.
   */
  async *readRaw(batchSize: number, keep: (index: number) => boolean): AsyncGenerator<RawLines> {
    let index = 0;
    let pieces: Uint8Array[] = [];
    let size = 0;
    let origins: number[] = [];
    const flush = (): RawLines => {
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const piece of pieces) {
        bytes.set(piece, at);
        at += piece.length;
      }
      const out: RawLines = {
        bytes,
        firstLine: 1,
        lineCount: origins.length,
        fileId: -1,
        source: -1,
        mediaBase: '',
        startOfFile: false,
        origins: Float64Array.from(origins),
      };
      pieces = [];
      size = 0;
      origins = [];
      return out;
    };
    // One sequential pass: rows are cut from the read chunks by their recorded offsets.
    let carry: Buffer = Buffer.alloc(0);
    let position = 0;
    for await (const chunk of createReadStream(this.path, { highWaterMark: 1 << 20 })) {
      const data = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      const end = position + data.length;
      while (index < this.count) {
        const from = this.offsets.at(index);
        const to = index + 1 < this.count ? this.offsets.at(index + 1) : this.bytes;
        if (to > end) break;
        if (keep(index)) {
          pieces.push(data.subarray(from - position, to - position));
          size += to - from;
          origins.push(this.origins.at(index));
          if (origins.length >= batchSize) yield flush();
        }
        index++;
      }
      const next = index < this.count ? this.offsets.at(index) : end;
      carry = data.subarray(next - position);
      position = next;
    }
    if (origins.length) yield flush();
  }

  /** Reads the rows at `indexAt(0..count-1)`, in that order (repeats allowed). */
  async *readAt(count: number, indexAt: (k: number) => number, batchSize: number): AsyncGenerator<Batch> {
    const handle = await open(this.path, 'r');
    try {
      for (let start = 0; start < count; start += batchSize) {
        const end = Math.min(count, start + batchSize);
        const reads: Array<Promise<string>> = [];
        const origins: number[] = [];
        for (let k = start; k < end; k++) {
          const i = indexAt(k);
          const from = this.offsets.at(i);
          const to = i + 1 < this.count ? this.offsets.at(i + 1) : this.bytes;
          const buffer = Buffer.allocUnsafe(to - from);
          reads.push(handle.read(buffer, 0, buffer.length, from).then(() => buffer.toString('utf8')));
          origins.push(this.origins.at(i));
        }
        const lines = await Promise.all(reads);
        yield { samples: lines.map((l) => JSON.parse(l)), origins };
      }
    } finally {
      await handle.close();
    }
  }
}
