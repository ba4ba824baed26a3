import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type ConfigTree, defineComponent, runInfoRef } from '@dj-sandbox/core';
import { internvlError } from '../common/errors.ts';
import { cudaDeviceCount } from '../common/gpus.ts';
import { checkNumGpus, ensureInternvlEnv, requireInternvlHome } from '../common/internvl-env.ts';
import { pathList } from '../common/io-paths.ts';
import { COCO_CAPTION_DIMENSIONS, parseCaptionMetrics } from './parse-caption-metrics.ts';

/** One checkpoint's COCO-caption scores and their mean. */
export type CocoCaptionResult = Record<string, number> & { avg_score: number };

/**
 * `ModelEvaluator` type `internvl_coco_caption` (see docs/internvl-coco-caption.md): for each existing checkpoint, InternVL's
 * `GPUS=<n> bash evaluate.sh <checkpoint relative to internvl_chat> caption-coco --dynamic` in
 * `<internvl_home>/internvl_chat`, inside InternVL's environment, its output appended to `<ckpt>/eval_log.txt`.
 * The metrics are read from this run's output (never from an older run in the log) and averaged into
 * `avg_score`; a run that printed none is an error naming the log. Returns one result per checkpoint.
 */
export const internvlEvaluator = defineComponent<ConfigTree>({
  kind: 'ModelEvaluator',
  type: 'internvl_coco_caption',
  description: "Evaluates InternVL checkpoints on COCO caption with InternVL's evaluate.sh caption-coco.",
  create(config, env) {
    const cwd = env.resolve(runInfoRef).cwd;
    const component = `[plugin:executor-internvl] [job:${env.scope.metaName ?? 'anonymous'}] evaluate`;
    return {
      async run() {
        const home = requireInternvlHome(config, env, cwd);
        const numGpus = checkNumGpus(config, env, await cudaDeviceCount());
        const ckpts = pathList(env, config.ckpt_paths ?? [], 'ckpt_paths');
        const existing = ckpts.filter((p) => existsSync(resolve(cwd, p)));
        const missing = ckpts.filter((p) => !existing.includes(p));
        if (missing.length > 0) env.logger.error(`Input paths [${missing.join(',')}] does not exist. Skipped!`);
        const python = await ensureInternvlEnv(config, env, home, component);
        const chatDir = join(home, 'internvl_chat');
        const results: CocoCaptionResult[] = [];
        for (const ckpt of existing) {
          const ckptDir = resolve(cwd, ckpt);
          const logFile = join(ckptDir, 'eval_log.txt');
          env.logger.info(`Evaluating ${ckpt}`);
          const lines: string[] = [];
          // evaluate.sh prefixes the checkpoint with $(pwd), so it must be relative to internvl_chat.
          await python.run(['bash', 'evaluate.sh', relative(chatDir, ckptDir), 'caption-coco', '--dynamic'], {
            cwd: chatDir,
            env: { GPUS: String(numGpus) },
            logFile,
            signal: env.signal,
            component,
            onLine: (line) => lines.push(line),
          });
          const metrics = parseCaptionMetrics(lines);
          const values = Object.values(metrics);
          if (values.length === 0) {
            throw internvlError(
              env,
              'extra_configs.ckpt_paths',
              `the evaluation of ${ckpt} printed no caption metric.`,
              {
                expected: `lines such as "CIDEr: 1.234" for ${COCO_CAPTION_DIMENSIONS.join(', ')}`,
                received: lines.slice(-5).join(' | ') || 'no output',
                fix: `Read ${logFile}: the evaluation failed before scoring (Java missing for METEOR, data/coco absent, ...).`,
              },
              'internvl-no-metrics',
            );
          }
          results.push({ ...metrics, avg_score: values.reduce((a, b) => a + b, 0) / values.length });
        }
        return results;
      },
    };
  },
});
