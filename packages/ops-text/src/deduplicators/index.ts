import type { AnyOperatorDefinition } from '@dj-sandbox/core';
import { documentDeduplicator } from './document-deduplicator.ts';
import { documentMinhashDeduplicator } from './document-minhash-deduplicator.ts';
import { documentSimhashDeduplicator } from './document-simhash-deduplicator.ts';

/** Every text deduplicator operator of this package (docs/text-operators.md#deduplicators). */
export const deduplicators: AnyOperatorDefinition[] = [
  documentDeduplicator,
  documentMinhashDeduplicator,
  documentSimhashDeduplicator,
];
