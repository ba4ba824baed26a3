import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { OriginTable } from '../runtime/batch.ts';
import { tempDir } from '../test-helpers/test-env.ts';
import { readRawLines } from './raw-lines.ts';

describe('reading raw lines for the threads', () => {
  it('cuts 1 MiB batches, then quarter-MiB ones in the last 4 MiB, with every line kept once and in order', async () => {
    const path = join(tempDir(), 'data.jsonl');
    const line = (i: number) => `${JSON.stringify({ text: `${'x'.repeat(900)} ${i}` })}\n`;
    const count = 7000;
    const text = Array.from({ length: count }, (_, i) => line(i)).join('');
    writeFileSync(path, text);
    const source = { path, weight: 1, configPath: 'dataset_path' };
    const batches = [];
    for await (const raw of readRawLines([source], {
      suffixes: [],
      batchSize: 100_000,
      origins: new OriginTable(),
      logger: createLogger([]),
    })) {
      batches.push(raw);
    }
    const size = Buffer.byteLength(text);
    let offset = 0;
    let next = 1;
    for (const batch of batches) {
      expect(batch.firstLine).toBe(next);
      const inTail = size - offset <= 4 << 20;
      // A batch ends at the first line end past the limit: at most one line over it.
      expect(batch.bytes.length).toBeLessThanOrEqual((inTail ? 1 << 18 : 1 << 20) + line(count).length);
      offset += batch.bytes.length;
      next += batch.lineCount;
    }
    expect(next - 1).toBe(count);
    expect(offset).toBe(size);
    const tail = batches.filter((b) => b.bytes.length < 300_000);
    expect(tail.length).toBeGreaterThanOrEqual(15);
    expect(batches.slice(0, 2).every((b) => b.bytes.length > 1 << 19)).toBe(true);
  });
});
