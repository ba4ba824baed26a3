import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineComponent, jobError, type ProgressTask } from '@dj-sandbox/core';
import type { z } from 'zod';
import { arg, trainConfig } from './config.ts';
import { closeModelLog, modelLogPath } from './model-log.ts';
import { prepareEasyAnimate } from './setup.ts';
import { parseTrainSteps, type TrainStep } from './train-log.ts';

/** The 14 positional arguments of `train_lora.sh`, in its order. */
export function trainArgs(train: z.output<typeof trainConfig>['train']): string[] {
  const t = train.training_config;
  return [
    train.model_path.pretrained_model_name_or_path,
    train.model_path.transformer_path,
    train.dataset_path.dataset_name,
    train.dataset_path.dataset_meta_name,
    t.sample_size,
    t.mixed_precision,
    t.batch_size_per_gpu,
    t.gradient_accumulation_steps,
    t.num_train_epochs,
    t.dataloader_num_workers,
    t.seed,
    train.saving_config.output_dir,
    train.tracker_config.project_name,
    train.tracker_config.experiment_name,
  ].map(arg);
}

/**
 * `easyanimate` training: `bash <home>/train_lora.sh <14 args>` in EasyAnimate's home and env (the patched script
 * runs `accelerate launch train_lora.py`). Every output line goes to the model log; the step, loss and learning rate
 * of tqdm's bar go to the tracker and the progress bar as they arrive. Resolves to the output folder the script
 * wrote, resolved against the home as the script resolves it (the reference resolved it against the sandbox's
 * working directory).
 */
export const easyAnimateTrainer = defineComponent({
  kind: 'ModelTrainExecutor',
  type: 'easyanimate',
  description: 'Trains an EasyAnimate LoRA with train_lora.sh (accelerate launch) and returns its output folder.',
  config: trainConfig,
  create(cfg, env) {
    return {
      async run() {
        const ea = await prepareEasyAnimate(cfg, env, 'train');
        const logFile = modelLogPath(env.workDir, 'train');
        const metaName = env.scope.metaName ?? 'easyanimate';
        const scope = { iteration: env.scope.iteration, pipeline: env.scope.pipeline, job: env.scope.job };
        let task: ProgressTask | null = null;
        let pending: TrainStep | null = null;
        const flush = () => {
          if (!pending) return;
          const at = { ...scope, step: pending.step };
          env.tracker.watch(pending.loss, `${metaName}.loss`, at);
          env.tracker.watch(pending.lr, `${metaName}.lr`, at);
          env.tracker.watch(pending.step, `${metaName}.step`, at);
          pending = null;
        };
        const onLine = (line: string) => {
          for (const step of parseTrainSteps(line)) {
            task ??= env.progress.start('train easyanimate', step.total, 'steps');
            if (pending && step.step !== pending.step) {
              task.tick(step.step - pending.step);
              flush();
            }
            pending = step;
          }
        };
        try {
          await ea.env.run(['bash', join(ea.home, 'train_lora.sh'), ...trainArgs(cfg.train)], {
            cwd: ea.home,
            component: ea.component,
            signal: env.signal,
            logFile,
            onLine,
          });
        } finally {
          if (pending) (task as ProgressTask | null)?.tick();
          flush();
          (task as ProgressTask | null)?.done();
          closeModelLog(logFile);
        }
        const outputDir = resolve(ea.home, cfg.train.saving_config.output_dir);
        const checkpoints = existsSync(outputDir)
          ? readdirSync(outputDir).filter((f) => /^checkpoint-\d+\.safetensors$/.test(f))
          : [];
        if (checkpoints.length === 0) {
          throw jobError('easyanimate-no-checkpoint', 'EasyAnimate training finished without writing a checkpoint', {
            plugin: 'executor-easyanimate',
            path: 'extra_configs.train.saving_config.output_dir',
            expected: `checkpoint-<step>.safetensors in ${outputDir}`,
            received: existsSync(outputDir) ? readdirSync(outputDir) : 'no such folder',
            fix: `read the model log ${logFile}`,
          });
        }
        env.logger.info(`EasyAnimate wrote ${checkpoints.sort().join(', ')} to ${outputDir}`);
        return outputDir;
      },
    };
  },
});
