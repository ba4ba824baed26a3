export { type MonitorRecord, parseMonitorLine } from './monitor-parser.ts';
export { default } from './plugin.ts';
export { checkpointRootDir, trinityEnvSpec, trinityTrainer } from './trinity-trainer.ts';
