import { definePlugin, operatorsPoint, versionOf } from '@dj-sandbox/core';
import { filters } from './filters/index.ts';

/** Every operator this plugin contributes, in a stable order. */
export const audioOperators = [...filters];

/** The ops-audio plugin: contributes Data-Juicer's model-free audio operators, run on ffprobe. */
export default definePlugin({
  id: 'ops-audio',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: "Data-Juicer's model-free audio filters, on ffprobe.",
  register(reg) {
    reg.extend(operatorsPoint, ...audioOperators);
  },
});
