import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
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

/** A readable byte stream of a file, decompressed when its name ends in `.gz` or `.zst`. */
export function openFile(path: string): NodeJS.ReadableStream {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const lower = path.toLowerCase();
  if (lower.endsWith('.gz')) return raw.pipe(createGunzip());
  if (lower.endsWith('.zst')) return raw.pipe(new ZstdDecompressStream());
  return raw;
}

/** The whole (decompressed) content of a file as UTF-8 text. */
export async function readWholeFile(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of openFile(path)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Lines of a (decompressed) text file in chunks, with the 1-based number of the chunk's first line. */
export async function* readLineChunks(path: string): AsyncGenerator<{ lines: string[]; firstLine: number }> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let lineNo = 1;
  for await (const chunk of openFile(path)) {
    const text = rest + decoder.decode(chunk as Buffer, { stream: true });
    const lines = text.split('\n');
    rest = lines.pop()!;
    if (lines.length === 0) continue;
    yield { lines, firstLine: lineNo };
    lineNo += lines.length;
  }
  rest += decoder.decode();
  if (rest.length > 0) yield { lines: [rest], firstLine: lineNo };
}
