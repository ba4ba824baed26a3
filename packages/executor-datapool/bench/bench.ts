/**
 * Benchmark of the data-pool manipulators on generated pools. Prints one JSON object: per operation, seconds and
 * the peak RSS of a child process that ran only that operation (DuckDB's native memory included).
 *
 *   pnpm --filter @dj-sandbox/executor-datapool bench -- --rows 100000
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@dj-sandbox/core';
import type { PoolContext } from '../src/helpers/pool-context.ts';
import { DuckSession } from '../src/io/duck-session.ts';
import { cartesianJoinParams, runCartesianJoin } from '../src/manipulators/cartesian-join.ts';
import { constructionParams, runConstruction } from '../src/manipulators/construction.ts';
import { rankingParams, runRanking } from '../src/manipulators/ranking.ts';

const OPS = ['construction', 'ranking', 'cartesian_join'] as const;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

const WORDS = 'data juicer sandbox pool sample text model recipe filter mapper quality score'.split(' ');

async function writePoolFile(path: string, rows: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  let x = seed;
  const rand = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const n = 5 + Math.floor(rand() * 60);
    const text = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
    const sample = {
      text,
      meta: { id: i, src: i % 3 ? 'web' : 'book' },
      __dj__stats__: { text_len: text.length, num_words: n, lang: 'en', lang_score: rand(), line_lens: [n, n % 7] },
    };
    buffer += `${JSON.stringify(sample)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((r) => out.on('finish', () => r()));
}

async function runOne(op: (typeof OPS)[number], rows: number): Promise<Record<string, unknown>> {
  const cwd = await mkdtemp(join(tmpdir(), 'datapool-bench-'));
  const session = await DuckSession.open();
  const ctx: PoolContext = { session, cwd, logger: silentLogger, workDir: cwd, iteration: 1 };
  try {
    let detail: Record<string, unknown> = {};
    let started = 0;
    if (op === 'construction') {
      await writePoolFile(join(cwd, 'pool.jsonl'), rows, 1);
      started = performance.now();
      const paths = await runConstruction(
        constructionParams.parse({ dataset_path: 'pool.jsonl', export_path: 'out' }),
        ctx,
      );
      detail = { rows, files: paths.length };
    } else if (op === 'cartesian_join') {
      const left = Math.max(1, Math.round(Math.sqrt(rows)));
      const right = Math.max(1, Math.round(rows / left));
      await writePoolFile(join(cwd, 'm.jsonl'), left, 2);
      await writePoolFile(join(cwd, 'n.jsonl'), right, 3);
      started = performance.now();
      await runCartesianJoin(
        cartesianJoinParams.parse({ dataset_path_1: 'm.jsonl', dataset_path_2: 'n.jsonl', export_path: 'out' }),
        ctx,
      );
      detail = { left, right, rows_out: left * right };
    } else {
      const paths = Array.from({ length: rows }, (_, i) => `pool_${i}.jsonl`);
      const metrics = paths.map((_, i) => ({ eval: { acc: (i * 7919) % 1000 }, loss: i % 13 }));
      started = performance.now();
      const ranked = await runRanking(
        rankingParams.parse({ dataset_path: paths, metrics, ranking_keys: ['eval.acc', 'loss'] }),
        ctx,
      );
      detail = { pools: rows, ranked: ranked.length };
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      ...detail,
      seconds: Number(seconds.toFixed(3)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await session.close();
    await rm(cwd, { recursive: true, force: true });
  }
}

const rows = Number(arg('rows', '100000'));
const only = arg('op', '');
if (only) {
  console.log(JSON.stringify(await runOne(only as (typeof OPS)[number], rows)));
} else {
  const results: Record<string, unknown> = {};
  for (const op of OPS) {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, '--op', op, '--rows', String(rows)],
      {
        encoding: 'utf8',
      },
    );
    results[op] = JSON.parse(out.trim().split('\n').pop()!);
  }
  console.log(JSON.stringify({ rows, node: process.version, ...results }));
}
