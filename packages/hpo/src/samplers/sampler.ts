/** Parameter values of one trial, by dotted key, in the sweep's parameter order. */
export type TrialParams = Record<string, unknown>;

/** A trial as samplers see it: completed, or still running (its parameters are known, its loss not yet). */
export interface Observation {
  index: number;
  params: TrialParams;
  /** The objective turned into a loss (negated for `goal: maximize`); null when the trial had no value or runs. */
  loss: number | null;
  /** `stopped`: hyperband ended it early, so its loss is not comparable with finished trials. */
  /**
   * `running`: proposed and not finished yet (parallel search), so a sampler can steer away from what other
   * workers are already trying.
   */
  state: 'finished' | 'stopped' | 'running';
}

/**
 * Proposes parameters for trial `index`. Samplers are pure functions of the sweep's seed, the index and the
 * observations, so a resumed search proposes what an uninterrupted one would have.
 */
export interface Sampler {
  /** How many distinct trials the sampler can propose (grid), or undefined when unlimited. */
  readonly size: number | undefined;
  suggest(index: number, observations: readonly Observation[]): TrialParams;
}
