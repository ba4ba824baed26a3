import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  type AnalyzeDataResult,
  type ConfigTree,
  defineComponent,
  defineOperator,
  definePlugin,
  type OverallTable,
  operatorsPoint,
  type ProcessDataResult,
  runInfoRef,
} from '@dj-sandbox/core';
import { z } from 'zod';

const noop = { create: () => ({ processBatch: (s: Record<string, unknown>[]) => s }) };
const noFilter = { create: () => ({ computeStats() {}, keep: () => true }) };

/** Fixture operators shaped like Data-Juicer's, with zod schemas carrying the real valid ranges. */
export const fixtureOperators = [
  defineOperator({
    name: 'text_length_filter',
    kind: 'filter',
    description: 'Keeps samples whose text length is in range.',
    params: z.object({
      min_len: z.number().int().min(0).default(10),
      max_len: z.number().int().min(0).default(Number.MAX_SAFE_INTEGER),
    }),
    statsKeys: () => ['text_len'],
    ...noFilter,
  }),
  defineOperator({
    name: 'language_id_score_filter',
    kind: 'filter',
    description: 'Keeps samples whose language score is high enough.',
    params: z.object({ lang: z.string().default(''), min_score: z.number().min(0).max(1).default(0.8) }),
    statsKeys: () => ['lang', 'lang_score'],
    ...noFilter,
  }),
  defineOperator({
    name: 'character_repetition_filter',
    kind: 'filter',
    description: 'Keeps samples whose character repetition ratio is in range.',
    params: z.object({
      rep_len: z.number().int().min(1).default(10),
      min_ratio: z.number().min(0).max(1).default(0),
      max_ratio: z.number().min(0).max(1).default(0.5),
    }),
    statsKeys: () => ['char_rep_ratio'],
    ...noFilter,
  }),
  defineOperator({
    name: 'specified_numeric_field_filter',
    kind: 'filter',
    description: 'Keeps samples whose numeric field is in range.',
    params: z.object({
      field_key: z.string().default(''),
      min_value: z.number().default(Number.MIN_SAFE_INTEGER),
      max_value: z.number().default(Number.MAX_SAFE_INTEGER),
      min_closed_interval: z.boolean().default(true),
      max_closed_interval: z.boolean().default(true),
    }),
    statsKeys: (p) => [p.field_key],
    ...noFilter,
  }),
  defineOperator({
    name: 'perplexity_filter',
    kind: 'filter',
    description: 'Keeps samples whose perplexity is low enough.',
    params: z.object({ lang: z.string().default('en'), max_ppl: z.number().gt(0).default(1500) }),
    statsKeys: () => ['perplexity'],
    ...noFilter,
  }),
  defineOperator({
    name: 'clean_email_mapper',
    kind: 'mapper',
    description: 'Removes e-mail addresses.',
    params: z.object({ repl: z.string().default('') }),
    ...noop,
  }),
];

async function countLines(path: string): Promise<number> {
  return (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '').length;
}

/**
 * A fixture plugin: fake `DataAnalyzer` (returns `table`, counts the dataset's real samples) and `DataExecutor`
 * (copies the dataset to `export_path`), the fixture operators, and one component per data-hook kind that echoes
 * its config, so hook wiring is visible in recorded outputs.
 */
export function fixturePlugin(table: OverallTable) {
  return definePlugin({
    id: 'fixture-data',
    version: '0.0.0',
    apiVersion: 1,
    register(reg) {
      reg.extend(operatorsPoint, ...fixtureOperators);
      reg.components.add(
        defineComponent<ConfigTree>({
          kind: 'DataAnalyzer',
          type: 'default',
          description: 'fake analyzer',
          create(recipe, env) {
            const cwd = env.resolve(runInfoRef).cwd;
            return {
              async run(): Promise<AnalyzeDataResult> {
                const samples = await countLines(resolve(cwd, String(recipe.dataset_path)));
                const exportPath = String(recipe.export_path);
                return {
                  exportPath,
                  statsPath: `${exportPath}.stats`,
                  analysisDir: 'analysis',
                  overall: table,
                  figures: [],
                  samples,
                };
              },
            };
          },
        }),
        defineComponent<ConfigTree>({
          kind: 'DataExecutor',
          type: 'default',
          description: 'fake executor',
          create(recipe, env) {
            const cwd = env.resolve(runInfoRef).cwd;
            return {
              async run(): Promise<ProcessDataResult> {
                const out = resolve(cwd, String(recipe.export_path));
                await mkdir(dirname(out), { recursive: true });
                await copyFile(resolve(cwd, String(recipe.dataset_path)), out);
                const n = await countLines(out);
                return { exportPath: out, exportPaths: [out], samplesIn: n, samplesOut: n, ops: [] };
              },
            };
          },
        }),
        ...(['DataPoolManipulator', 'GeneralProbe', 'GeneralDataExecutor'] as const).map((kind) =>
          defineComponent<ConfigTree>({
            kind,
            type: 'echo',
            description: 'returns its kind and config',
            create: (config) => ({ run: () => ({ kind, exportPath: config.export_path }) }),
          }),
        ),
      );
    },
  });
}
