import { availableParallelism } from 'node:os';
import { defineOperator, type FilterInstance, type OperatorDefinition, type Sample } from '@dj-sandbox/core';
import type { z } from 'zod';
import { keepByStrategy } from './keep-rule.ts';
import { mapLimit, mediaListOf, resolveMediaPath } from './media-paths.ts';

/** Parameters every per-file media filter has. */
export interface MediaFilterParams {
  any_or_all: 'any' | 'all';
  video_key: string;
  audio_key: string;
}

/** One file's stats, keyed by stats key. */
export type FileStats = Record<string, number>;

/** What a media filter declares; {@link defineMediaFilter} adds the stats cache rule, any/all and the contract. */
export interface MediaFilterSpec<S extends z.ZodType<MediaFilterParams>> {
  name: string;
  description: string;
  /** The plugin that contributes it, for error messages. */
  plugin: string;
  params: S;
  /** Which field lists the files. */
  media: 'videos' | 'audios';
  /** The stats keys written, in order; each holds one value per file. */
  statKeys: readonly string[];
  requires?: readonly string[];
  /** Builds the per-file computation (validates bounds once). */
  prepare(params: z.output<S>): {
    stats(path: string): Promise<FileStats>;
    /** Whether one file passes, from its stats. */
    keepFile(stats: FileStats): boolean;
  };
}

const STATS = '__dj__stats__';

function statsOf(sample: Sample): Record<string, unknown> {
  let stats = sample[STATS];
  if (stats === null || typeof stats !== 'object') {
    stats = {};
    sample[STATS] = stats;
  }
  return stats as Record<string, unknown>;
}

/**
 * Defines a Data-Juicer media filter whose stats are lists with one value per file: computed only when a key is
 * absent (Data-Juicer's cache rule), empty lists for a sample without files (kept), and `keep` applies the op's
 * per-file rule with its `any_or_all` strategy.
 */
export function defineMediaFilter<S extends z.ZodType<MediaFilterParams>>(
  spec: MediaFilterSpec<S>,
): OperatorDefinition<'filter', z.output<S>> {
  const concurrency = Math.max(2, availableParallelism() * 2);
  return defineOperator<'filter', z.output<S>>({
    name: spec.name,
    kind: 'filter',
    description: spec.description,
    params: spec.params,
    ...(spec.requires ? { requires: spec.requires } : {}),
    batched: false,
    statsKeys: () => spec.statKeys,
    create(params, env): FilterInstance {
      const compute = spec.prepare(params);
      const key = spec.media === 'videos' ? params.video_key : params.audio_key;
      return {
        async computeStats(samples: Sample[]): Promise<void> {
          const pending = samples.filter((s) => !spec.statKeys.every((k) => k in statsOf(s)));
          const lists = pending.map((s) =>
            mediaListOf(s, key, spec.name, spec.plugin).map((p) => resolveMediaPath(p, env.datasetDir)),
          );
          const unique = [...new Set(lists.flat())];
          const results = await mapLimit(unique, concurrency, (path) => compute.stats(path));
          const byPath = new Map(unique.map((path, i) => [path, results[i]!]));
          pending.forEach((sample, i) => {
            const stats = statsOf(sample);
            for (const statKey of spec.statKeys) {
              stats[statKey] = lists[i]!.map((path) => byPath.get(path)![statKey]!);
            }
          });
        },
        keep(sample: Sample): boolean {
          const stats = statsOf(sample);
          const columns = spec.statKeys.map((k) => (Array.isArray(stats[k]) ? (stats[k] as number[]) : []));
          const count = Math.min(...columns.map((c) => c.length));
          const decisions: boolean[] = [];
          for (let i = 0; i < count; i++) {
            const file: FileStats = {};
            spec.statKeys.forEach((k, j) => {
              file[k] = Number(columns[j]![i]);
            });
            decisions.push(compute.keepFile(file));
          }
          return keepByStrategy(decisions, params.any_or_all);
        },
      };
    },
  });
}
