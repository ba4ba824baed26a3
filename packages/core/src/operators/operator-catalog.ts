import { createExtensionPoint } from '../refs/create-ref.ts';

/** One parameter of a catalogued operator: its default (when it has one) and its declared type, as text. */
export interface OperatorParamDescriptor {
  readonly default?: unknown;
  /** The parameter's type as the engine declares it, e.g. `int`, `Optional[str]` (informative only). */
  readonly type?: string;
  /** False when the engine requires a value. */
  readonly optional?: boolean;
}

/**
 * An operator another data engine runs (Data-Juicer in Python), described without an implementation: what
 * `dj-sandbox validate` and `dj-sandbox ops` need to check a recipe before anything runs, and what engine selection
 * needs to know which engine can run it. See docs/data-engines.md.
 */
export interface OperatorDescriptor {
  /** Data-Juicer's registry name, e.g. `video_duration_filter`. */
  readonly name: string;
  /** `mapper`, `filter`, `deduplicator`, `selector`, `grouper`, `aggregator`, `pipeline`, ... */
  readonly kind: string;
  /** The engine that runs it, e.g. `python`. */
  readonly engine: string;
  readonly description?: string;
  /** Every parameter the operator accepts, its own and its base classes' (`text_key`, `num_proc`, ...). */
  readonly params: Readonly<Record<string, OperatorParamDescriptor>>;
  /** Whether it accepts any other keyword argument (`**kwargs` beyond the base classes' known keys). */
  readonly acceptsExtraParams?: boolean;
  /** Stats keys a filter writes (for k-sigma), when known. */
  readonly statsKeys?: readonly string[];
}

/** The extension point where engines other than the native one describe the operators they run. */
export const operatorCatalogPoint = createExtensionPoint<OperatorDescriptor>({ id: 'data-juicer.operator-catalog' });
