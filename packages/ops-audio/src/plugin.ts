import { definePlugin, operatorsPoint } from '@dj-sandbox/core';
import { filters } from './filters/index.ts';

/** Every operator this plugin contributes, in a stable order. */
export const audioOperators = [...filters];

/** The ops-audio plugin: contributes Data-Juicer's model-free audio operators, run on ffprobe. */
export default definePlugin({
  id: 'ops-audio',
  version: '0.1.0',
  apiVersion: 1,
  description: "Data-Juicer's model-free audio filters, on ffprobe.",
  register(reg) {
    reg.extend(operatorsPoint, ...audioOperators);
  },
});
