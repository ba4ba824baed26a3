import type { AnyOperatorDefinition } from '@dj-sandbox/core';

/** Every text selector operator of this package (spec/dj-core.md §4). */
export const selectors: AnyOperatorDefinition[] = [];
