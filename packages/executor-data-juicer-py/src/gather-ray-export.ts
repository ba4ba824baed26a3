import { createReadStream, createWriteStream, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';

const STATS = '__dj__stats__';

async function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await new Promise((r) => stream.once('drain', r));
}

/**
 * Data-Juicer's Ray exporter writes `export_path` as a folder of part files with the stats kept in each row. This
 * gathers them, in part-file order, into the standalone executor's shape: one JSON Lines file at `exportPath` and
 * the stats beside it in `<stem>_stats.jsonl`, so every hook reads a Ray result as it reads a local one. Both files
 * are written under temporary names and renamed when complete. Returns the paths written and the row count.
 */
export async function gatherRayExport(
  partsDir: string,
  exportPath: string,
  statsPath: string,
): Promise<{ files: string[]; rows: number }> {
  const parts = readdirSync(partsDir)
    .filter((f) => f.endsWith('.json') || f.endsWith('.jsonl'))
    .sort();
  const tmpData = `${exportPath}.${process.pid}.tmp`;
  const tmpStats = `${statsPath}.${process.pid}.tmp`;
  const data = createWriteStream(tmpData);
  const stats = createWriteStream(tmpStats);
  let rows = 0;
  let withStats = 0;
  for (const part of parts) {
    const lines = createInterface({
      input: createReadStream(join(partsDir, part)),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as Record<string, unknown>;
      const rowStats = row[STATS];
      delete row[STATS];
      await writeLine(data, JSON.stringify(row));
      await writeLine(stats, JSON.stringify({ [STATS]: rowStats ?? {} }));
      if (rowStats !== undefined) withStats++;
      rows++;
    }
  }
  data.end();
  stats.end();
  await Promise.all([finished(data), finished(stats)]);
  rmSync(partsDir, { recursive: true, force: true });
  renameSync(tmpData, exportPath);
  if (withStats === 0) {
    rmSync(tmpStats, { force: true });
    return { files: [exportPath], rows };
  }
  renameSync(tmpStats, statsPath);
  return { files: [exportPath, statsPath], rows };
}
