import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineComponent, jobError } from '@dj-sandbox/core';
import type { z } from 'zod';
import { arg, inferConfig } from './config.ts';
import { closeModelLog, modelLogPath } from './model-log.ts';
import { prepareEasyAnimate } from './setup.ts';

/** The 11 positional arguments of `infer_lora.sh`, in its order. */
export function inferArgs(train: z.output<typeof inferConfig>['train']): string[] {
  const c = train.infer_config;
  return [
    train.model_path.pretrained_model_name_or_path,
    train.model_path.transformer_path,
    train.model_path.lora_path,
    c.image_size,
    c.prompt_info_path,
    c.gpu_num,
    c.batch_size,
    c.mixed_precision,
    c.video_num_per_prompt,
    c.seed,
    train.saving_config.output_video_dir,
  ].map(arg);
}

/**
 * `easyanimate` inference: `bash <home>/infer_lora.sh <11 args>` (one `python infer_lora.py` per GPU, each on its
 * chunk of the prompts). Resolves to the folder of generated videos, resolved against the home as the script
 * resolves it, after checking that videos were written there.
 */
export const easyAnimateInfer = defineComponent({
  kind: 'ModelInferExecutor',
  type: 'easyanimate',
  description: 'Generates videos for prompts with infer_lora.sh and returns the folder of videos.',
  config: inferConfig,
  create(cfg, env) {
    return {
      async run() {
        const ea = await prepareEasyAnimate(cfg, env, 'infer');
        const logFile = modelLogPath(env.workDir, 'infer');
        try {
          await ea.env.run(['bash', join(ea.home, 'infer_lora.sh'), ...inferArgs(cfg.train)], {
            cwd: ea.home,
            component: ea.component,
            signal: env.signal,
            logFile,
          });
        } finally {
          closeModelLog(logFile);
        }
        const videoDir = resolve(ea.home, cfg.train.saving_config.output_video_dir);
        const videos = existsSync(videoDir) ? readdirSync(videoDir).filter((f) => f.endsWith('.mp4')) : [];
        if (videos.length === 0) {
          throw jobError('easyanimate-no-videos', 'EasyAnimate inference finished without writing a video', {
            plugin: 'executor-easyanimate',
            path: 'extra_configs.train.saving_config.output_video_dir',
            expected: `<prompt>-<i>.mp4 files in ${videoDir}`,
            received: existsSync(videoDir) ? 'an empty folder' : 'no such folder',
            fix: `read the model log ${logFile}`,
          });
        }
        const scope = { iteration: env.scope.iteration, pipeline: env.scope.pipeline, job: env.scope.job };
        env.tracker.watch(videos.length, `${env.scope.metaName ?? 'easyanimate'}.videos`, scope);
        return videoDir;
      },
    };
  },
});
