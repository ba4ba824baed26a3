import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Logger } from '@dj-sandbox/core';
import type { OriginTable } from '../runtime/batch.ts';
import type { RawLines } from '../runtime/raw-batch.ts';
import { collectFiles } from './collect-files.ts';
import type { SourceSpec } from './dataset-sources.ts';
import { compressionOf, openFile, unreadable } from './open-file.ts';

const NEWLINE = 0x0a;
/**
 * A batch also ends at this many bytes: long lines do not make huge batches, and the workers get their first
 * batches early and finish together (1,000 lines of 4 KB in 10 batches left one worker idle for a whole batch).
 */
const MAX_BATCH_BYTES = 1 << 20;
/**
 * In a file's last {@link TAIL_BYTES} (plain files, whose size is known), batches end at {@link TAIL_BATCH_BYTES}: the
 * threads finish within a quarter batch of each other instead of one waiting a whole batch or two for the other.
 */
const TAIL_BYTES = 4 << 20;
const TAIL_BATCH_BYTES = 1 << 18;

/**
 * True when every source can be read as raw lines: JSON-lines files only (`.jsonl`, optionally compressed), taken
 * whole (no mixture sampling). Other inputs are parsed on the main thread.
 */
export function rawLinesEligible(sources: readonly SourceSpec[], suffixes: unknown): boolean {
  return sources.every((source) => {
    if (source.sampleNum !== undefined || source.weight !== 1) return false;
    const { formatter, files } = collectFiles(source.path, suffixes, source.configPath);
    return formatter === 'json' && files.every((f) => basename(f).toLowerCase().includes('.jsonl'));
  });
}

/**
 * Streams the sources' files as batches of at most `batchSize` whole lines of raw bytes (see {@link RawLines}):
 * the main thread only finds line ends; parsing happens where the batch is processed.
 */
export async function* readRawLines(
  sources: readonly SourceSpec[],
  opts: { suffixes: unknown; batchSize: number; origins: OriginTable; logger: Logger },
): AsyncGenerator<RawLines> {
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s]!;
    const { files, ignored } = collectFiles(source.path, opts.suffixes, source.configPath);
    if (ignored.length) {
      opts.logger.warn(`ignoring ${ignored.length} file(s) of another format in ${source.path}`, {
        files: ignored.slice(0, 10),
      });
    }
    const mediaBase = statSync(source.path).isDirectory() ? source.path : dirname(source.path);
    for (const file of files) {
      const fileId = opts.origins.fileId(file);
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let lines = 0;
      let firstLine = 1;
      let startOfFile = true;
      const cut = (upTo: Buffer, count: number): RawLines => {
        // A fresh buffer of exactly these bytes: it is transferred to the worker, and a view would clone its whole
        // underlying read buffer.
        const bytes = new Uint8Array(pendingBytes + upTo.length);
        let at = 0;
        for (const piece of [...pending, upTo]) {
          bytes.set(piece, at);
          at += piece.length;
        }
        const out: RawLines = { bytes, firstLine, lineCount: count, fileId, source: s, mediaBase, startOfFile };
        firstLine += count;
        startOfFile = false;
        pending = [];
        pendingBytes = 0;
        lines = 0;
        return out;
      };
      const chunks = openFile(file)[Symbol.asyncIterator]();
      // Compressed files: the decompressed size is unknown, so no tail batches.
      const size = compressionOf(file) ? Number.POSITIVE_INFINITY : statSync(file).size;
      let consumed = 0;
      while (true) {
        let next: IteratorResult<unknown>;
        try {
          next = await chunks.next();
        } catch (error) {
          throw unreadable(file, error);
        }
        if (next.done) break;
        let buffer = next.value as Buffer;
        let from = 0;
        // Offset in the file of buffer[0] (the buffer is cut down as batches are taken from it).
        let bufferStart = consumed;
        consumed += buffer.length;
        while (true) {
          const at = buffer.indexOf(NEWLINE, from);
          if (at < 0) break;
          lines++;
          from = at + 1;
          const limit = size - (bufferStart + at) <= TAIL_BYTES ? TAIL_BATCH_BYTES : MAX_BATCH_BYTES;
          if (lines >= opts.batchSize || pendingBytes + from >= limit) {
            yield cut(buffer.subarray(0, from), lines);
            buffer = buffer.subarray(from);
            bufferStart += from;
            from = 0;
          }
        }
        if (buffer.length > 0) {
          pending.push(buffer);
          pendingBytes += buffer.length;
        }
      }
      if (pendingBytes > 0) {
        // The last line may lack its newline; it still counts as a line.
        const last = pending[pending.length - 1]!;
        const count = lines + (last[last.length - 1] === NEWLINE ? 0 : 1);
        yield cut(Buffer.alloc(0), count);
      }
    }
  }
}
