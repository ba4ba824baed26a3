// A plugin written as plain data (no import of @dj-sandbox/core), loaded by path from a config.
// Each hook appends "<iter>:<meta_name>" to $CALLS_LOG when it finishes; the job named in $SLOW_JOB first
// writes $SLOW_MARKER and then waits long enough to be killed.
import { appendFileSync, writeFileSync } from 'node:fs';

const hook = (name) => ({
  name,
  description: `counting ${name}`,
  async run(ctx) {
    const slowHere = !process.env.SLOW_WORKDIR || ctx.workDir.includes(process.env.SLOW_WORKDIR);
    if (process.env.SLOW_JOB && ctx.metaName === process.env.SLOW_JOB && slowHere) {
      writeFileSync(process.env.SLOW_MARKER, 'started');
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
    const value = ctx.extraConfigs?.value ?? ctx.iteration;
    const where = process.env.LOG_WORKDIR ? `${ctx.workDir.split('/').pop()}:` : '';
    if (process.env.CALLS_LOG) appendFileSync(process.env.CALLS_LOG, `${where}${ctx.iteration}:${ctx.metaName}\n`);
    ctx.track({ value }, ctx.metaName);
    return value;
  },
});

/** A hand-written Standard Schema: `optimizer` must be adam or sgd. */
const inferConfig = {
  '~standard': {
    version: 1,
    vendor: 'counting',
    validate(value) {
      const optimizer = value?.optimizer ?? 'adam';
      if (!['adam', 'sgd'].includes(optimizer))
        return {
          issues: [{ message: `unknown optimizer ${JSON.stringify(optimizer)} (adam or sgd)`, path: ['optimizer'] }],
        };
      return { value: { ...value, optimizer } };
    },
  },
};

export default {
  $$type: '@dj-sandbox/Plugin',
  id: 'counting',
  version: '1.0.0',
  apiVersion: 1,
  register(reg) {
    reg.hooks.add(hook('ProbeViaAnalyzerHook'), hook('ProcessDataHook'), hook('EvaluateDataHook'), {
      name: 'TrainModelHook',
      description: 'always fails',
      run() {
        throw new Error('trainer exploded');
      },
    });
    reg.hooks.add({ ...hook('InferModelHook'), componentKind: 'ModelInferExecutor' });
    reg.components.add({
      kind: 'ModelInferExecutor',
      type: 'counting_infer',
      description: 'counts',
      config: inferConfig,
      create: () => ({ run: async () => 1 }),
    });
  },
};
