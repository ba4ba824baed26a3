import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { type ComponentEnv, configError, defineComponent, readJsonRows, runInfoRef } from '@dj-sandbox/core';
import { z } from 'zod';
import { pyJsonDumps } from './py-json.ts';

const TYPE = 'dj_to_easyanimate_video_dataset_conversion';

const config = z
  .object({
    type: z.literal(TYPE),
    dataset_path: z
      .union([z.string(), z.array(z.string())])
      .describe('Data-Juicer datasets (.json arrays or JSON Lines).'),
    export_path: z.string().describe('Folder for the <name>_ea_fmt.json files.'),
  })
  .loose();

/** The run's working directory, which relative paths resolve against (the process's outside a run). */
export function runCwd(env: ComponentEnv): string {
  try {
    return env.resolve(runInfoRef).cwd;
  } catch {
    return process.cwd();
  }
}

/** Data-Juicer's video placeholder, overridable as in Data-Juicer. */
const videoToken = () => process.env._DJ_SPECIAL_TOKEN_VIDEO ?? '<__dj__video>';

/** One row in EasyAnimate's format: placeholders removed from `text`, `file_path` = the first video; null drops it. */
export function toEasyAnimateRow(row: Record<string, unknown>): Record<string, unknown> | null {
  const videos = row.videos;
  if (!Array.isArray(videos) || videos.length === 0) return null;
  const text = String(row.text ?? '')
    .replaceAll(videoToken(), '')
    .trim();
  return { ...row, text, file_path: videos[0] };
}

/**
 * `dj_to_easyanimate_video_dataset_conversion`: turns Data-Juicer video-text datasets into EasyAnimate's training
 * metadata, `<export_path>/<name>_ea_fmt.json` (a JSON array, written as Python's `json.dump` writes it). Inputs may
 * be JSON arrays or JSON Lines (the reference read only arrays). Returns the written paths.
 */
export const djToEasyAnimateConversion = defineComponent({
  kind: 'GeneralDataExecutor',
  type: TYPE,
  description: "Converts Data-Juicer video datasets to EasyAnimate's training metadata (<name>_ea_fmt.json).",
  config,
  create(cfg, env) {
    const cwd = runCwd(env);
    return {
      async run() {
        const inputs = (Array.isArray(cfg.dataset_path) ? cfg.dataset_path : [cfg.dataset_path]).map((p) =>
          resolve(cwd, p),
        );
        const missing = inputs.filter((p) => !existsSync(p));
        if (missing.length) env.logger.warn(`Input paths [${missing.join(', ')}] do not exist. Skipped!`);
        const present = inputs.filter((p) => existsSync(p));
        if (present.length === 0) {
          throw configError('conversion-no-input', `${TYPE}: none of the dataset paths exists`, {
            path: 'extra_configs.dataset_path',
            expected: 'at least one existing dataset file',
            received: inputs,
            fix: 'point dataset_path at the .json or .jsonl a previous job exported (check its iter_<n> folder)',
          });
        }
        const exportDir = resolve(cwd, cfg.export_path);
        mkdirSync(exportDir, { recursive: true });
        const written: string[] = [];
        for (const input of present) {
          const rows: Record<string, unknown>[] = [];
          for await (const row of readJsonRows(input)) {
            const converted = toEasyAnimateRow(row);
            if (converted) rows.push(converted);
          }
          const out = join(exportDir, `${basename(input, extname(input))}_ea_fmt.json`);
          const partial = `${out}.partial-${process.pid}`;
          writeFileSync(partial, pyJsonDumps(rows));
          renameSync(partial, out);
          env.logger.info(`${TYPE}: ${rows.length} rows → ${out}`);
          written.push(out);
        }
        return written;
      },
    };
  },
});
