import { configChecksPoint, definePlugin, versionOf } from '@dj-sandbox/core';
import { internvlHomePlaceholderCheck } from './common/placeholder-check.ts';
import { cocoCaptionMetaGeneration } from './conversions/coco-caption-meta.ts';
import { cocoCaptionToDjConversion } from './conversions/coco-caption-to-dj.ts';
import { internvlEvaluator } from './evaluate/internvl-evaluate.ts';
import { internvlTrainExecutor } from './train/internvl-train.ts';

/**
 * The executor-internvl plugin: the COCO-caption conversions (`GeneralDataExecutor`), the `internvl_coco_caption`
 * trainer (`ModelTrainExecutor`) and evaluator (`ModelEvaluator`), and a config check that reports `<internvl_home>`
 * placeholders left in a config.
 */
export default definePlugin({
  id: 'executor-internvl',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'InternVL COCO-caption fine-tuning and evaluation, and the COCO-caption data conversions.',
  register(reg) {
    reg.components.add(cocoCaptionToDjConversion, cocoCaptionMetaGeneration, internvlTrainExecutor, internvlEvaluator);
    reg.extend(configChecksPoint, internvlHomePlaceholderCheck);
  },
});
