export { DATA_JUICER_DEPS, DATA_JUICER_VERSION, type DataJuicerPyOptions, engineEnvSpec } from './engine-env.ts';
export { parseOperatorDone, parseSamplesIn } from './log-lines.ts';
export { dataJuicerOperators } from './manifest.ts';
export { parseOverallCsv } from './overall-csv.ts';
export { default } from './plugin.ts';
export { analyzeWithDataJuicer, processWithDataJuicer, pythonDataEngine } from './python-engine.ts';
export { runDataJuicer } from './run-data-juicer.ts';
