import { definePlugin, operatorsPoint, versionOf } from '@dj-sandbox/core';
import { filters } from './filters/index.ts';
import { mappers } from './mappers/index.ts';

/** Every operator this plugin contributes, in a stable order. */
export const videoOperators = [...filters, ...mappers];

/** The ops-video plugin: contributes Data-Juicer's model-free video operators, run on ffprobe and ffmpeg. */
export default definePlugin({
  id: 'ops-video',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: "Data-Juicer's model-free video filters and mappers, on ffprobe/ffmpeg.",
  register(reg) {
    reg.extend(operatorsPoint, ...videoOperators);
  },
});
