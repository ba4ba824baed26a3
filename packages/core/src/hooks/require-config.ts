import type { ConfigTree } from '../config/config-tree.ts';
import { jobError } from '../errors/errors.ts';
import type { HookContext } from './hook-context.ts';

/** Returns the job's Data-Juicer recipe, or fails with a message saying where to put one. */
export function requireDjConfigs(ctx: HookContext): ConfigTree {
  if (ctx.djConfigs) return ctx.djConfigs;
  throw jobError('dj-configs-missing', `${ctx.hook} needs a Data-Juicer recipe in dj_configs.`, {
    plugin: ctx.plugin,
    job: ctx.metaName ?? undefined,
    pipeline: ctx.pipeline,
    path: 'dj_configs',
    expected: 'a recipe mapping, or a path to a .yaml/.yml/.json recipe',
    received: ctx.rawDjConfigs,
    fix: 'Add dj_configs to the job, or fill it with input: {dj_configs: <context key>} from an earlier job.',
  });
}

/** Returns the job's component config, or fails with a message saying where to put one. */
export function requireExtraConfigs(ctx: HookContext): ConfigTree {
  if (ctx.extraConfigs) return ctx.extraConfigs;
  throw jobError('extra-configs-missing', `${ctx.hook} needs extra_configs.`, {
    plugin: ctx.plugin,
    job: ctx.metaName ?? undefined,
    pipeline: ctx.pipeline,
    path: 'extra_configs',
    expected: 'a mapping with a type key, or a path to a .yaml/.yml/.json file',
    received: null,
    fix: 'Add extra_configs (with type: <component type>) to the job.',
  });
}
