import {
  type AnyComponentDefinition,
  type Component,
  type ComponentKind,
  defineHook,
  definePlugin,
  type HookContext,
  type HookDefinition,
  type Plugin,
} from '@dj-sandbox/core';

/** A hook body for tests. */
export type TestHookBody = (ctx: HookContext) => unknown | Promise<unknown>;

/** One call a test hook received: what it saw, for assertions. */
export interface HookCall {
  hook: string;
  metaName: string | null;
  pipeline: string;
  iteration: number;
  djConfigs: HookContext['djConfigs'];
  extraConfigs: HookContext['extraConfigs'];
}

/**
 * A plugin that provides hooks with the given bodies, recording every call in `calls`. Use the reference hook
 * names to stand in for real hooks: `testHooksPlugin({ ProcessDataHook: (ctx) => ctx.djConfigs?.export_path })`.
 */
export function testHooksPlugin(
  bodies: Record<string, TestHookBody>,
  id = 'test-hooks',
): Plugin & { calls: HookCall[] } {
  const calls: HookCall[] = [];
  const hooks: HookDefinition[] = Object.entries(bodies).map(([name, body]) =>
    defineHook({
      name,
      description: `test hook ${name}`,
      run(ctx) {
        calls.push({
          hook: name,
          metaName: ctx.metaName,
          pipeline: ctx.pipeline,
          iteration: ctx.iteration,
          djConfigs: ctx.djConfigs,
          extraConfigs: ctx.extraConfigs,
        });
        return body(ctx);
      },
    }),
  );
  const plugin = definePlugin({
    id,
    version: '0.0.0-test',
    apiVersion: 1,
    register(reg) {
      reg.hooks.add(...hooks);
    },
  });
  return { ...plugin, calls };
}

/** A component definition whose `run` calls `run(config, ...args)`. */
export function fakeComponent(
  kind: ComponentKind,
  type: string,
  run: (config: Record<string, unknown>, ...args: unknown[]) => unknown,
): AnyComponentDefinition {
  return {
    kind,
    type,
    description: `fake ${kind} ${type}`,
    create: (config: Record<string, unknown>): Component => ({ run: (...args: unknown[]) => run(config, ...args) }),
  };
}

/** A plugin that provides the given components. */
export function testComponentsPlugin(components: AnyComponentDefinition[], id = 'test-components'): Plugin {
  return definePlugin({
    id,
    version: '0.0.0-test',
    apiVersion: 1,
    register(reg) {
      reg.components.add(...components);
    },
  });
}
