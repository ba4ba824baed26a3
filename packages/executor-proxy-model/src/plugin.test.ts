import { PluginRegistry, RegistryComponentFactory } from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';
import plugin from './index.ts';
import { fixture, testEnv } from './test-helpers/test-env.ts';

describe('the executor-proxy-model plugin', () => {
  it('registers both proxy models for training and inference, and the perplexity evaluator', async () => {
    const registry = new PluginRegistry();
    await registry.add(plugin);
    expect(registry.componentTypes('ModelTrainExecutor')).toEqual(['proxy_lm', 'proxy_classifier']);
    expect(registry.componentTypes('ModelInferExecutor')).toEqual(['proxy_lm', 'proxy_classifier']);
    expect(registry.componentTypes('ModelEvaluator')).toEqual(['perplexity']);
    expect(registry.component('ModelTrainExecutor', 'proxy_lm')?.plugin).toBe('executor-proxy-model');
  });

  it('builds components through the factory a hook uses, with the type taken from extra_configs', async () => {
    const registry = new PluginRegistry();
    await registry.add(plugin);
    const env = testEnv();
    const factory = new RegistryComponentFactory(registry, env, {
      job: 'train_model',
      pipeline: 'p',
      path: 'pipelines[0]',
    });
    const trainer = await factory.create('ModelTrainExecutor', {
      type: 'proxy_classifier',
      train_dataset: fixture('spam-assassin-train.jsonl'),
      'train.max_epochs': 1,
      'model.buckets': 4096,
      work_dir: `${env.workDir}/clf`,
    });
    expect(await trainer.run()).toBe(`${env.workDir}/clf`);
  });
});
