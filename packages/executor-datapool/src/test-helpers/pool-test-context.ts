import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type LogRecord } from '@dj-sandbox/core';
import type { PoolContext } from '../helpers/pool-context.ts';
import { DuckSession } from '../io/duck-session.ts';

/** A manipulator context over a fresh temporary working directory, with the log records it produced. */
export interface PoolTestContext extends PoolContext {
  logs: LogRecord[];
  close(): Promise<void>;
}

/** Opens a context in a new temporary folder (the working directory of relative paths). */
export async function poolTestContext(): Promise<PoolTestContext> {
  const cwd = await mkdtemp(join(tmpdir(), 'datapool-test-'));
  const logs: LogRecord[] = [];
  const session = await DuckSession.open({ threads: 2 });
  return {
    session,
    cwd,
    logger: createLogger([(r) => logs.push(r)], 'debug'),
    workDir: join(cwd, 'work'),
    iteration: 1,
    logs,
    close: () => session.close(),
  };
}

/** Reads a fixture from `src/__fixtures__`. */
export function fixture(name: string): Promise<string> {
  return readFile(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8');
}

/** Parses JSON Lines. */
export function parseLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Reads a JSON Lines file relative to the context's working directory. */
export async function readPool(ctx: PoolContext, path: string): Promise<Array<Record<string, unknown>>> {
  return parseLines(await readFile(join(ctx.cwd, path), 'utf8'));
}

/** Writes samples as JSON Lines relative to the context's working directory. */
export async function writeLines(ctx: PoolContext, path: string, samples: readonly unknown[]): Promise<void> {
  await writeFile(join(ctx.cwd, path), samples.map((s) => `${JSON.stringify(s)}\n`).join(''), 'utf8');
}

/**
 * Adds real per-sample stats to the samples of a fixture, the way an analysed pool carries them: `text_len`
 * (characters), `num_words` (whitespace tokens), `lang` (a string, which construction skips) and `line_lens` (a
 * list, sorted by its mean), plus two keys with many ties, so the accumulated order shows: `len_bucket` (thousands
 * of characters) and `starts_upper` (a boolean).
 */
export function analyse(samples: ReadonlyArray<Record<string, unknown>>): Array<Record<string, unknown>> {
  return samples.map((s) => {
    const text = String(s.text ?? '');
    return {
      ...s,
      __dj__stats__: {
        text_len: [...text].length,
        lang: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en',
        num_words: text.split(/\s+/).filter(Boolean).length,
        line_lens: text.split('\n').map((l) => [...l].length),
        len_bucket: Math.floor([...text].length / 1000),
        starts_upper: /^[A-Z]/.test(text),
      },
    };
  });
}
