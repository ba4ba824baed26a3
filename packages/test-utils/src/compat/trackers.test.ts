import { createRef, definePlugin, MemoryTracker, type Tracker, trackersPoint } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import { createTestRun } from '../create-test-run.ts';
import { testHooksPlugin } from '../test-plugins.ts';

describe('tracker plugins', () => {
  it('receive everything a run watches, next to the file tracker, and are disposed with the run', async () => {
    const seen: MemoryTracker[] = [];
    let disposed = 0;
    const ref = createRef<Tracker>({ id: 'test.extra-tracker' });
    const trackerPlugin = definePlugin({
      id: 'test-tracker',
      version: '0.0.0',
      apiVersion: 1,
      register(reg) {
        reg.service(ref, {
          deps: {},
          factory: () => {
            const tracker = new MemoryTracker();
            seen.push(tracker);
            return tracker;
          },
          dispose: () => {
            disposed++;
          },
        });
        reg.extend(trackersPoint, ref);
      },
    });
    const hooks = testHooksPlugin({
      EvaluateDataHook: (ctx) => {
        ctx.track({ score: 0.5 });
        return 0.5;
      },
    });
    const run = await createTestRun({
      plugins: [hooks, trackerPlugin],
      config: 'project_name: p\nevaluation_job_configs: [{hook: EvaluateDataHook, meta_name: ev}]\n',
    });
    await run.run();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.loggedConfig()['sandbox.project_name']).toBe('p');
    expect(seen[0]!.query('ev.score')).toBe(0.5);
    expect(disposed).toBe(1);
  });
});
