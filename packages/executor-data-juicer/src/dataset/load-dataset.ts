import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configError, jobError, type Logger, nestedQuery, type Sample } from '@dj-sandbox/core';
import { numpyPermutation } from '@dj-sandbox/numpy-random';
import type { Batch, OriginTable } from '../runtime/batch.ts';
import { SpillFile } from '../runtime/spill-file.ts';
import { collectFiles } from './collect-files.ts';
import type { SourceSpec } from './dataset-sources.ts';
import { type MalformedHandler, readFile } from './format-readers.ts';
import { resolveMedia } from './resolve-media.ts';

/** What loading needs from the recipe and the run. */
export interface LoadOptions {
  readonly textKeys: readonly string[];
  /** Fields holding lists of media paths (`image_key`, `audio_key`, `video_key`). */
  readonly mediaKeys: readonly string[];
  readonly suffixes: unknown;
  /** A malformed input line aborts instead of being skipped. */
  readonly strict: boolean;
  readonly logger: Logger;
  readonly origins: OriginTable;
  /** Folder for sampling spill files. */
  readonly tempDir: string;
  readonly batchSize: number;
  /** Sees every parsed row (the export's schema follows the input, as HF datasets' does). */
  readonly observe?: (sample: Sample) => void;
}

/** The error of a malformed input line under `strict: true`. */
export function malformedLineError(configPath: string, file: string, line: number, reason: string): Error {
  return jobError('dataset-malformed-line', `malformed input line ${file}:${line}: ${reason}.`, {
    path: configPath,
    location: { file, line },
    expected: 'one JSON object per line',
    fix: 'Fix or remove the line, or drop `strict: true` to skip such lines with a warning.',
  });
}

/** The error of an input line that is not valid UTF-8 under `strict: true`. */
export function invalidUtf8Error(configPath: string, file: string, line: number, reason: string): Error {
  return configError('dataset-invalid-utf8', `input line ${file}:${line} ${reason}.`, {
    path: configPath,
    location: { file, line },
    expected: 'UTF-8 text',
    fix: 'Convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8), or drop --strict to keep such lines with a warning.',
  });
}

/**
 * What happens to an input line that is not a JSON object (skipped with a warning, or an error under `strict`) or
 * is kept but altered (`kept`: bytes that are not UTF-8 replaced by U+FFFD; a warning, or an error under `strict`).
 */
export function inputLineHandler(configPath: string, strict: boolean, logger: Logger): MalformedHandler {
  return (file, line, reason, kept = false) => {
    if (kept) {
      if (strict) throw invalidUtf8Error(configPath, file, line, reason);
      logger.warn(`input line ${file}:${line} ${reason}`, { file, line });
      return;
    }
    if (strict) throw malformedLineError(configPath, file, line, reason);
    logger.warn(`skipping malformed input line ${file}:${line}: ${reason}`, { file, line });
  };
}

/** The error of a text key that no row of a source has. */
export function textKeyMissing(missing: readonly string[], sourcePath: string): Error {
  return configError('dataset-text-key', `text key ${JSON.stringify(missing[0])} is not a field of the dataset.`, {
    path: 'text_keys',
    expected: 'every text key to be a field of the dataset',
    received: missing,
    fix: `Set text_keys to the field that holds the text in ${sourcePath}.`,
  });
}

/** Reads one source's files, applying `unify_format` (text-key check, null-text drop, media paths). */
async function* readSource(source: SourceSpec, opts: LoadOptions): AsyncGenerator<Batch> {
  const { formatter, files, ignored } = collectFiles(source.path, opts.suffixes, source.configPath);
  if (ignored.length) {
    opts.logger.warn(`ignoring ${ignored.length} file(s) of another format in ${source.path}`, {
      files: ignored.slice(0, 10),
    });
  }
  const base = statSync(source.path).isDirectory() ? source.path : dirname(source.path);
  const seen = opts.textKeys.map(() => false);
  const flat = opts.textKeys.every((k) => !k.includes('.'));
  let rows = 0;
  let dropped = 0;
  const onMalformed = inputLineHandler(source.configPath, opts.strict, opts.logger);
  for (const file of files) {
    const fileId = opts.origins.fileId(file);
    for await (const chunk of readFile(formatter, file, onMalformed)) {
      const samples: Sample[] = [];
      const origins: number[] = [];
      for (let i = 0; i < chunk.samples.length; i++) {
        const sample = chunk.samples[i]!;
        rows++;
        opts.observe?.(sample);
        let keep = true;
        for (let k = 0; k < opts.textKeys.length; k++) {
          const key = opts.textKeys[k]!;
          const value = flat ? sample[key] : nestedQuery(sample, key);
          if (value !== undefined) seen[k] = true;
          if (value === null || value === undefined) keep = false;
        }
        if (!keep) {
          dropped++;
          continue;
        }
        resolveMedia(sample, opts.mediaKeys, base);
        samples.push(sample);
        origins.push(opts.origins.encode(fileId, chunk.lines[i]!));
      }
      if (samples.length) yield { samples, origins };
    }
  }
  const missing = opts.textKeys.filter((_, k) => !seen[k]);
  if (rows > 0 && missing.length > 0) throw textKeyMissing(missing, source.path);
  if (dropped > 0) opts.logger.info(`dropped ${dropped} sample(s) whose text is null in ${source.path}`);
}

/**
 * Data-Juicer's `random_sample` (docs/recipes.md#sampling) over a source: `n = sampleNum ?? ceil(N·weight)` rows in the
 * order of numpy's `default_rng(42).permutation(N)`, repeating the permutation when n > N. The source is spilled to
 * disk first so that only offsets are held in memory.
 */
async function* sampleSource(source: SourceSpec, opts: LoadOptions, index: number): AsyncGenerator<Batch> {
  const spill = new SpillFile(join(opts.tempDir, `source-${index}.jsonl`));
  for await (const batch of readSource(source, opts)) await spill.append(batch);
  await spill.close();
  const total = spill.count;
  const n = source.sampleNum ?? Math.ceil(total * source.weight);
  if (n === total) {
    yield* spill.read(opts.batchSize);
    return;
  }
  if (total === 0 || n === 0) return;
  const perm = numpyPermutation(total, 42);
  opts.logger.info(`sampling ${n} of ${total} rows from ${source.path} (seed 42)`);
  yield* spill.readAt(n, (k) => perm[k % total]!, opts.batchSize);
}

async function* rebatch(input: AsyncIterable<Batch>, size: number): AsyncGenerator<Batch> {
  let current: Batch = { samples: [], origins: [] };
  for await (const batch of input) {
    if (current.samples.length === 0 && batch.samples.length === size) {
      yield batch;
      continue;
    }
    for (let i = 0; i < batch.samples.length; i++) {
      current.samples.push(batch.samples[i]!);
      current.origins.push(batch.origins[i]!);
      if (current.samples.length >= size) {
        yield current;
        current = { samples: [], origins: [] };
      }
    }
  }
  if (current.samples.length) yield current;
}

/** Streams every source in config order, as batches of `batchSize` samples (docs/recipes.md#dataset-sources). */
export function loadDataset(sources: readonly SourceSpec[], opts: LoadOptions): AsyncGenerator<Batch> {
  async function* all(): AsyncGenerator<Batch> {
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i]!;
      const sampled = source.sampleNum !== undefined || source.weight !== 1;
      yield* sampled ? sampleSource(source, opts, i) : readSource(source, opts);
    }
  }
  return rebatch(all(), opts.batchSize);
}
