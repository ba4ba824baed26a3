/** A progress task: what a long job reports so the CLI can draw a bar (or print lines in CI). */
export interface ProgressTask {
  /** Advances by `n` units (samples, steps). */
  tick(n?: number): void;
  /** Sets the total when it becomes known. */
  setTotal(total: number): void;
  /** Finishes the task. */
  done(): void;
}

/** Creates progress tasks; the CLI provides a terminal implementation, tests a silent one. */
export interface Progress {
  start(label: string, total?: number, unit?: string): ProgressTask;
}

/** Progress that shows nothing. */
export const silentProgress: Progress = {
  start: () => ({ tick: () => {}, setTotal: () => {}, done: () => {} }),
};
