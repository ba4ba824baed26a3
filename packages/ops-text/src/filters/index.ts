import type { AnyOperatorDefinition } from '@dj-sandbox/core';

/** Every text filter operator of this package (spec/dj-core.md §4). */
export const filters: AnyOperatorDefinition[] = [];
