import { definePlugin, operatorsPoint, versionOf } from '@dj-sandbox/core';
import { deduplicators } from './deduplicators/index.ts';
import { filters } from './filters/index.ts';
import { mappers } from './mappers/index.ts';
import { selectors } from './selectors/index.ts';

/** Every operator this plugin contributes, in a stable order. */
export const textOperators = [...filters, ...mappers, ...deduplicators, ...selectors];

/** The ops-text plugin: contributes Data-Juicer's text operators to the data engine. */
export default definePlugin({
  id: 'ops-text',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: "Data-Juicer's text filters, mappers, deduplicators and selectors.",
  register(reg) {
    reg.extend(operatorsPoint, ...textOperators);
  },
});
