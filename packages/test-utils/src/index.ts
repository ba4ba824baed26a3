export * from './component-env.ts';
export * from './create-test-run.ts';
export * from './read-jsonl.ts';
export * from './sandbox-config.ts';
export * from './test-plugins.ts';
export * from './testdir.ts';
