import { definePlugin, operatorsPoint, versionOf } from '@dj-sandbox/core';
import { imageDeduplicator } from './deduplicators/image-deduplicator.ts';
import { imageFilters } from './filters/index.ts';

/** Every operator this plugin contributes, in a stable order. */
export const imageOperators = [...imageFilters, imageDeduplicator];

/** The ops-image plugin: contributes Data-Juicer's model-free image operators to the data engine. */
export default definePlugin({
  id: 'ops-image',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: "Data-Juicer's model-free image filters and image deduplicator, on sharp.",
  register(reg) {
    reg.extend(operatorsPoint, ...imageOperators);
  },
});
