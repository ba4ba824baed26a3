import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { configError, isDjSandboxError } from '@dj-sandbox/core';
import { Decompress } from 'fzstd';

/** Streams zstd frames through fzstd (Node 20's zlib has no zstd). */
class ZstdDecompressStream extends Transform {
  private readonly decoder = new Decompress((chunk) => {
    this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(0), true);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }
}

/** The compression {@link openFile} undoes for a file, from its name; undefined for a plain file. */
export function compressionOf(path: string): 'gzip' | 'zstd' | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.gz')) return 'gzip';
  if (lower.endsWith('.zst')) return 'zstd';
  return undefined;
}

/** A readable byte stream of a file, decompressed when its name ends in `.gz` or `.zst`. */
export function openFile(path: string): NodeJS.ReadableStream {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const compression = compressionOf(path);
  if (compression === 'gzip') return raw.pipe(createGunzip());
  if (compression === 'zstd') return raw.pipe(new ZstdDecompressStream());
  return raw;
}

/** A file that cannot be read or decompressed (a corrupt `.gz`), named in the error. */
export function unreadable(path: string, error: unknown): unknown {
  if (isDjSandboxError(error)) return error;
  return configError('dataset-unreadable', `cannot read ${path}: ${(error as Error).message}.`, {
    location: { file: path },
    expected: 'a readable file (gzip / zstd files must be complete and uncorrupted)',
    fix: 'Check the file (e.g. `gzip -t` for .gz), or download it again.',
    cause: String(error),
  });
}

/** The whole (decompressed) content of a file as UTF-8 text. */
export async function readWholeFile(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of openFile(path)) chunks.push(chunk as Buffer);
  } catch (error) {
    throw unreadable(path, error);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const REPLACEMENT = 0xfffd;

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** U+FFFD written as such in the input (EF BF BD), which is valid UTF-8 and not a decoding loss. */
function countEncodedReplacements(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1))
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
}

/**
 * Lines of a (decompressed) text file in chunks, with the 1-based number of the chunk's first line. Bytes that are
 * not valid UTF-8 become U+FFFD, as in Python's `errors='replace'`; `onInvalidUtf8` hears the first line of each
 * chunk where that happened, so that the loss is never silent.
 */
export async function* readLineChunks(
  path: string,
  onInvalidUtf8?: (line: number) => void,
): AsyncGenerator<{ lines: string[]; firstLine: number }> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let lineNo = 1;
  const source = openFile(path)[Symbol.asyncIterator]();
  while (true) {
    let next: IteratorResult<unknown>;
    try {
      next = await source.next();
    } catch (error) {
      throw unreadable(path, error);
    }
    if (next.done) break;
    const bytes = next.value as Buffer;
    const decoded = decoder.decode(bytes, { stream: true });
    const text = rest + decoded;
    const lines = text.split('\n');
    if (onInvalidUtf8 && decoded.includes(String.fromCharCode(REPLACEMENT))) {
      if (countReplacements(decoded) > countEncodedReplacements(bytes)) {
        const at = lines.findIndex((l) => l.includes('\ufffd'));
        onInvalidUtf8(lineNo + (at < 0 ? lines.length - 1 : at));
      }
    }
    rest = lines.pop()!;
    if (lines.length === 0) continue;
    yield { lines, firstLine: lineNo };
    lineNo += lines.length;
  }
  rest += decoder.decode();
  if (rest.length > 0) yield { lines: [rest], firstLine: lineNo };
}
