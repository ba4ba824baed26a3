/**
 * The order in which a simulated parallel search asks for and reports trials, as `runSearch` with `--parallel N`
 * produces it: N workers, each starting the next trial as soon as its current one finishes, trials lasting a random
 * 0.5–1.5 time units (seeded), so they finish out of order. Both sides of bench/vs-optuna.ts follow the same
 * schedule, so they see the same pending trials at every proposal.
 */
import { createRng } from '../src/rng/prng.ts';

/** `ASK`: propose the next trial; any other entry `k`: trial `k` finishes and its value is reported. */
export const ASK = -1;

/** The events of a search of `trials` trials on `parallel` workers; durations seeded by `seed`. */
export function parallelSchedule(trials: number, parallel: number, seed: number): number[] {
  const rng = createRng(seed, 0xd0);
  const running: { index: number; end: number }[] = [];
  const events: number[] = [];
  let asked = 0;
  let now = 0;
  while (asked < trials || running.length > 0) {
    while (asked < trials && running.length < parallel) {
      events.push(ASK);
      running.push({ index: asked, end: now + 0.5 + rng.next() });
      asked++;
    }
    running.sort((a, b) => a.end - b.end || a.index - b.index);
    const first = running.shift()!;
    now = first.end;
    events.push(first.index);
  }
  return events;
}
