import { definePlugin, versionOf } from '@dj-sandbox/core';
import { djToEasyAnimateConversion } from './dataset-conversion.ts';
import { easyAnimateInfer } from './infer-executor.ts';
import { easyAnimateTrainer } from './train-executor.ts';

/** The executor-easyanimate plugin: EasyAnimate training and inference, and the dataset conversion for it. */
export default definePlugin({
  id: 'executor-easyanimate',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'EasyAnimate LoRA training and video generation, and dj_to_easyanimate_video_dataset_conversion.',
  register(reg) {
    reg.components.add(easyAnimateTrainer);
    reg.components.add(easyAnimateInfer);
    reg.components.add(djToEasyAnimateConversion);
  },
});
