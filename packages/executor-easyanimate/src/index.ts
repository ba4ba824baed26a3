export { djToEasyAnimateConversion, toEasyAnimateRow } from './dataset-conversion.ts';
export { easyAnimateInfer, inferArgs } from './infer-executor.ts';
export { default } from './plugin.ts';
export { pyJsonDumps } from './py-json.ts';
export { EASYANIMATE_COMMIT, EASYANIMATE_REPO } from './setup.ts';
export { easyAnimateTrainer, trainArgs } from './train-executor.ts';
export { parseTrainSteps, type TrainStep } from './train-log.ts';
