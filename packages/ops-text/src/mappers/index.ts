import type { AnyOperatorDefinition } from '@dj-sandbox/core';

/** Every text mapper operator of this package (spec/dj-core.md §4). */
export const mappers: AnyOperatorDefinition[] = [];
