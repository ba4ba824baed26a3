import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runPool } from './run-pool.ts';

describe('runPool', () => {
  it('keeps at most `concurrency` calls in flight and does every item once', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, new AbortController().signal, async (item) => {
      most = Math.max(most, ++inFlight);
      await sleep(5);
      inFlight--;
      done.push(item);
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('takes no new item after the first error, waits for the calls in flight, then rejects with that error', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = runPool([1, 2, 3, 4, 5], 2, new AbortController().signal, async (item) => {
      started.push(item);
      if (item === 1) throw new Error('item 1 failed');
      await sleep(10);
      finished++;
    });
    await expect(run).rejects.toThrow('item 1 failed');
    expect(started).toEqual([1, 2]);
    expect(finished).toBe(1);
  });

  it('stops taking items once aborted and rejects with the reason', async () => {
    const abort = new AbortController();
    const started: number[] = [];
    const run = runPool([1, 2, 3], 1, abort.signal, async (item) => {
      started.push(item);
      abort.abort(new Error('stopped by the user'));
    });
    await expect(run).rejects.toThrow('stopped by the user');
    expect(started).toEqual([1]);
  });
});
