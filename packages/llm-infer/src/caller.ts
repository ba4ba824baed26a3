/**
 * The plugin a shared piece runs for: errors blame `plugin` and carry codes `<kind>-...`, progress bars read
 * `<kind> inference: <file>`, so each executor reports as it did before the code was shared.
 */
export interface InferCaller {
  /** The plugin's short name, e.g. `executor-vllm`. */
  readonly plugin: string;
  /** The component type, e.g. `vllm`: the prefix of error codes and the progress label. */
  readonly kind: string;
}
