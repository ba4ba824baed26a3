import { pythonEnvConfigShape } from '@dj-sandbox/env-manager';
import { z } from 'zod';

const text = z.union([z.string(), z.number()]);

/** The keys every EasyAnimate executor config has besides its `train:` block: environment and EasyAnimate's home. */
export const easyAnimateCommonShape = {
  type: z.literal('easyanimate'),
  ...pythonEnvConfigShape,
  env_deps: z
    .array(z.string())
    .default(['deepspeed', 'func_timeout', 'wandb<=0.19.0'])
    .describe("Packages installed into the env besides EasyAnimate's own (the reference's three)."),
  easyanimate_home: z
    .string()
    .default('thirdparty/models/EasyAnimate')
    .describe("EasyAnimate's checkout, relative to the working directory; cloned there when missing."),
  easyanimate_patch: z
    .string()
    .default('thirdparty/models/patch/easyanimate.diff')
    .describe("The sandbox's EasyAnimate patch (adds train_lora.sh, infer_lora.sh, ...), applied once."),
};

/** `train:` of a training config: the 14 values passed to `train_lora.sh`, in their groups. */
export const trainBlock = z.object({
  tracker_config: z.object({ project_name: text, experiment_name: text }),
  model_path: z.object({ pretrained_model_name_or_path: text, transformer_path: text }),
  dataset_path: z.object({ dataset_name: text.default(''), dataset_meta_name: text }),
  training_config: z.object({
    sample_size: text,
    mixed_precision: text,
    batch_size_per_gpu: text,
    gradient_accumulation_steps: text,
    num_train_epochs: text,
    dataloader_num_workers: text,
    seed: text,
  }),
  saving_config: z.object({ output_dir: z.string() }),
});

/** `train:` of an inference config (the reference names it `train` there too): the 11 values of `infer_lora.sh`. */
export const inferBlock = z.object({
  model_path: z.object({ pretrained_model_name_or_path: text, transformer_path: text, lora_path: text }),
  infer_config: z.object({
    image_size: text,
    prompt_info_path: text,
    gpu_num: text,
    batch_size: text,
    mixed_precision: text,
    video_num_per_prompt: text,
    seed: text,
  }),
  saving_config: z.object({ output_video_dir: z.string() }),
});

/** A training executor's config. */
export const trainConfig = z.object({ ...easyAnimateCommonShape, train: trainBlock }).loose();
/** An inference executor's config. */
export const inferConfig = z.object({ ...easyAnimateCommonShape, train: inferBlock }).loose();

/** What both executors share. */
export type EasyAnimateCommon = z.output<z.ZodObject<typeof easyAnimateCommonShape>>;

/** `str(value)` as Python writes a YAML scalar into a shell argument. */
export const arg = (value: string | number): string => String(value);
