import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { asFileSystemError, tempPathFor } from '@dj-sandbox/core';
import { readLineChunks } from '../dataset/open-file.ts';
import type { SerializedPart } from '../runtime/raw-batch.ts';
import { mergePlainSchema, RowSchema, sameStructs } from './row-schema.ts';

/** The rows of serialised JSON lines. */
export function parseLines(text: string | Uint8Array): unknown[] {
  const lines = (
    typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.length).toString('utf8')
  ).split('\n');
  lines.pop();
  return lines.map((l) => JSON.parse(l));
}

/**
 * Writes rows as JSON lines with a unified schema (see {@link RowSchema}). Each batch is observed before it is
 * written, so a field first seen in a later batch only costs one rewrite pass at `close()`; the usual homogeneous
 * dataset is written in one pass. Rows go to a temporary file beside `path`, renamed to `path` by `close()`: a kill or
 * a full disk never leaves a truncated file under the final name (docs/atomic-outputs.md).
 */
export class JsonlWriter {
  private handle: FileHandle | undefined;
  private rows = 0;
  private bytes = 0;
  private writtenVersion = -1;
  private stale = false;
  private readonly temp: string;

  /** `schema` may be shared with the loader, so fields of rows that ops dropped still become columns (as in HF). */
  constructor(
    readonly path: string,
    readonly schema: RowSchema = new RowSchema(),
  ) {
    this.temp = tempPathFor(path);
  }

  /** Rows written. */
  get count(): number {
    return this.rows;
  }

  /** Bytes written (before any rewrite). */
  get size(): number {
    return this.bytes;
  }

  /** Writes a batch of rows. */
  async write(rows: readonly unknown[]): Promise<void> {
    try {
      await this.append(rows);
    } catch (error) {
      throw asFileSystemError(this.path, error);
    }
  }

  private async append(rows: readonly unknown[]): Promise<void> {
    this.handle ??= await open(this.temp, 'w');
    if (rows.length === 0) return;
    for (let i = 0; i < rows.length; i++) this.schema.observe(rows[i]);
    if (this.rows > 0 && this.schema.version !== this.writtenVersion) this.stale = true;
    this.writtenVersion = this.schema.version;
    let text = '';
    for (let i = 0; i < rows.length; i++) text += `${JSON.stringify(this.schema.conform(rows[i]))}\n`;
    this.rows += rows.length;
    this.bytes += Buffer.byteLength(text);
    await this.handle.write(text);
  }

  /**
   * Writes rows a worker serialised: their text as it is when every row fits the unified schema unchanged (the
   * usual homogeneous dataset), else parsed back and written as {@link write} would. Output bytes are the same.
   */
  async writeSerialized(part: SerializedPart, count: number): Promise<void> {
    try {
      await this.appendSerialized(part, count);
    } catch (error) {
      throw asFileSystemError(this.path, error);
    }
  }

  private async appendSerialized(part: SerializedPart, count: number): Promise<void> {
    this.handle ??= await open(this.temp, 'w');
    if (count === 0) return;
    mergePlainSchema(this.schema, part.schema, false);
    if (!part.fits || !sameStructs(part.schema, this.schema.root)) {
      await this.append(parseLines(part.bytes));
      return;
    }
    if (this.rows > 0 && this.schema.version !== this.writtenVersion) this.stale = true;
    this.writtenVersion = this.schema.version;
    const bytes = part.bytes;
    this.rows += count;
    this.bytes += bytes.length;
    await this.handle.write(bytes);
  }

  /**
   * Finishes the file, rewriting it once if the schema grew after the first rows were written, and gives it its
   * final name. On failure nothing is left under either name.
   */
  async close(): Promise<void> {
    try {
      await this.finish();
    } catch (error) {
      await this.discard();
      throw asFileSystemError(this.path, error);
    }
  }

  /** Removes what was written so far (after a failure); the final name is never touched. */
  async discard(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }

  private async finish(): Promise<void> {
    this.handle ??= await open(this.temp, 'w');
    await this.handle.close();
    if (!this.stale) {
      await rename(this.temp, this.path);
      return;
    }
    const tmp = tempPathFor(this.path);
    const out = await open(tmp, 'w');
    let bytes = 0;
    try {
      for await (const { lines } of readLineChunks(this.temp)) {
        let text = '';
        for (const line of lines) if (line) text += `${JSON.stringify(this.schema.conform(JSON.parse(line)))}\n`;
        bytes += Buffer.byteLength(text);
        await out.write(text);
      }
    } catch (error) {
      await out.close();
      await rm(tmp, { force: true });
      throw error;
    }
    await out.close();
    await rm(this.temp, { force: true });
    await rename(tmp, this.path);
    this.bytes = bytes;
  }
}
