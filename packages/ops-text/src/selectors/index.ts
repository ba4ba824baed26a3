import type { AnyOperatorDefinition } from '@dj-sandbox/core';
import { frequencySpecifiedFieldSelector } from './frequency-specified-field-selector.ts';
import { randomSelector } from './random-selector.ts';
import { rangeSpecifiedFieldSelector } from './range-specified-field-selector.ts';
import { topkSpecifiedFieldSelector } from './topk-specified-field-selector.ts';

/** Every text selector operator of this package (docs/text-operators.md#selectors). */
export const selectors: AnyOperatorDefinition[] = [
  topkSpecifiedFieldSelector,
  frequencySpecifiedFieldSelector,
  randomSelector,
  rangeSpecifiedFieldSelector,
];
