export { default } from './plugin.ts';
export { resultPathFromLog, vbenchEvaluator } from './vbench-evaluator.ts';
