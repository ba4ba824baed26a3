import type { Logger } from '../logging/logger.ts';
import type { StandardSchemaV1 } from '../plugin/standard-schema.ts';
import { createExtensionPoint } from '../refs/create-ref.ts';

/** A data sample in the Data-Juicer schema: plain JSON (`text`, `images`, `meta`, `__dj__stats__`, ...). */
export type Sample = Record<string, unknown>;

/** Operator kinds of Data-Juicer that dj-sandbox runs. */
export type OperatorKind = 'mapper' | 'filter' | 'deduplicator' | 'selector';

/** What an operator instance gets when it is created: where to write, how to log, its global settings. */
export interface OperatorEnv {
  /** The recipe's `work_dir`. */
  workDir: string;
  logger: Logger;
  /** The directory of the dataset file, for resolving relative media paths. */
  datasetDir?: string;
}

/** A mapper edits samples; it may return more or fewer samples than it got. */
export interface MapperInstance {
  processBatch(samples: Sample[]): Sample[] | Promise<Sample[]>;
}

/**
 * A filter computes stats into `sample.__dj__stats__` (skipping keys already present, as Data-Juicer's cache rule
 * says) and decides from the stats alone whether a sample stays.
 */
export interface FilterInstance {
  computeStats(samples: Sample[]): void | Promise<void>;
  keep(sample: Sample): boolean;
}

/** Identifies a sample by its position in the dataset and carries its hash fields. */
export interface HashRecord {
  index: number;
  hashes: Record<string, unknown>;
}

/**
 * A deduplicator computes hash fields per sample (in parallel batches), then decides over the hashes alone, never
 * the samples, which indices stay.
 */
export interface DeduplicatorInstance {
  /** Hash fields this op writes (e.g. `__dj__hash`, `__dj__minhash`). */
  readonly hashKeys: readonly string[];
  computeHash(samples: Sample[]): void | Promise<void>;
  /** Given every sample's hashes in order, returns a predicate telling which indices to keep. */
  selectUnique(records: HashRecord[]): ((index: number) => boolean) | Promise<(index: number) => boolean>;
  /**
   * Optional, preferred by engines over `selectUnique`: a collector fed every sample's hashes in dataset order, so
   * the op keeps them packed (bytes per sample) instead of one record object per sample.
   */
  collect?(): HashCollector;
}

/** A deduplicator's packed state between its two passes (see {@link DeduplicatorInstance.collect}). */
export interface HashCollector {
  /** Adds the next sample's hash fields; the caller may reuse the object after the call. */
  add(hashes: Readonly<Record<string, unknown>>): void;
  /** Which added samples stay, in the order they were added (1 = keep). */
  finish(): Uint8Array | Promise<Uint8Array>;
}

/** A selector picks a subset from the values of a few fields, never holding whole samples. */
export interface SelectorInstance {
  /** Dotted field keys the selector reads (e.g. `__dj__stats__.lang_score`). */
  readonly fields: readonly string[];
  /** Given `[index, values of fields]` per sample, returns the kept indices in output order. */
  select(rows: Array<{ index: number; values: unknown[] }>): number[] | Promise<number[]>;
}

/** An operator instance, by kind. */
export type OperatorInstance = MapperInstance | FilterInstance | DeduplicatorInstance | SelectorInstance;

/** The instance type for each operator kind. */
export interface OperatorInstanceByKind {
  mapper: MapperInstance;
  filter: FilterInstance;
  deduplicator: DeduplicatorInstance;
  selector: SelectorInstance;
}

/**
 * An operator definition, as operator plugins contribute it to {@link operatorsPoint}. The parameter schema holds
 * Data-Juicer's defaults; `statsKeys` tells k-sigma refinement which stats a configured filter produces.
 */
export interface OperatorDefinition<K extends OperatorKind = OperatorKind, P = Record<string, unknown>> {
  /** Data-Juicer's registry name, e.g. `text_length_filter`. */
  readonly name: string;
  readonly kind: K;
  /** One sentence: what it does. */
  readonly description: string;
  /** Parameters with Data-Juicer's defaults (a zod object in first-party plugins). */
  readonly params: StandardSchemaV1<unknown, P>;
  /** Stats keys this op writes for the given params (filters); empty for ops without stats. */
  statsKeys?(params: P): readonly string[];
  /** External resources it needs, for the operator reference (e.g. `fastText lid.176.ftz`). */
  readonly requires?: readonly string[];
  /** Whether Data-Juicer runs it batched (affects only fault tolerance granularity). */
  readonly batched?: boolean;
  create(params: P, env: OperatorEnv): OperatorInstanceByKind[K] | Promise<OperatorInstanceByKind[K]>;
}

/** Any operator definition. */
// biome-ignore lint/suspicious/noExplicitAny: definitions of every parameter type share one registry
export type AnyOperatorDefinition = OperatorDefinition<OperatorKind, any>;

/** Typed identity helper for writing operator definitions. */
export function defineOperator<K extends OperatorKind, P>(
  definition: OperatorDefinition<K, P>,
): OperatorDefinition<K, P> {
  return definition;
}

/** The extension point operator plugins contribute to and the data engine reads. */
export const operatorsPoint = createExtensionPoint<AnyOperatorDefinition>({ id: 'data-juicer.operators' });
