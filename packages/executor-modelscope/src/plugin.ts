import { definePlugin, versionOf } from '@dj-sandbox/core';
import { modelscopeInferProbe, modelscopeTrainer } from './components/modelscope-components.ts';

/** The executor-modelscope plugin: ModelScope training and the inference probe, in a Python env. */
export default definePlugin({
  id: 'executor-modelscope',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'ModelScope training (type modelscope) and inference probe, run through the Python bridge.',
  register(reg) {
    reg.components.add(modelscopeTrainer, modelscopeInferProbe);
  },
});
