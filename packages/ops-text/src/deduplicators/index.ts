import type { AnyOperatorDefinition } from '@dj-sandbox/core';

/** Every text deduplicator operator of this package (spec/dj-core.md §4). */
export const deduplicators: AnyOperatorDefinition[] = [];
