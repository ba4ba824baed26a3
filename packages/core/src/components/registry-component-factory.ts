import type { ConfigTree } from '../config/config-tree.ts';
import { didYouMean } from '../errors/did-you-mean.ts';
import { configError, jobError } from '../errors/errors.ts';
import type { PluginRegistry } from '../plugin/plugin-registry.ts';
import { issuePath, validateWith } from '../plugin/standard-schema.ts';
import type { ComponentFactory } from './component-factory.ts';
import { type ComponentKind, UNTYPED_KINDS } from './component-kinds.ts';
import type { Component, ComponentEnv } from './define-component.ts';
import { knownComponentProvider } from './known-providers.ts';

/** Explains that no loaded plugin provides (kind, type), naming the package that does when one is known. */
export function unknownTypeFix(registry: PluginRegistry, kind: ComponentKind, type: string): string {
  const provider = knownComponentProvider(kind, type);
  if (provider) return `type ${JSON.stringify(type)} is provided by ${provider}: install it.`;
  const types = registry.componentTypes(kind);
  return `Loaded plugins provide ${types.length ? types.map((t) => JSON.stringify(t)).join(', ') : 'no types'} for ${kind}.${didYouMean(type, types)}`;
}

/** The type a config selects for a kind: its `type` key, or `default` for the untyped kinds. */
export function selectedType(kind: ComponentKind, config: ConfigTree | null): unknown {
  if (UNTYPED_KINDS.has(kind)) return config?.type ?? 'default';
  return config?.type;
}

/**
 * A component factory over the plugin registry. Components it builds are disposed by `disposeAll` when the job
 * ends. Unknown or missing types are clear errors (the reference returned null and crashed later).
 */
export class RegistryComponentFactory implements ComponentFactory {
  private readonly built: Component[] = [];

  constructor(
    private readonly registry: PluginRegistry,
    private readonly env: ComponentEnv,
    private readonly blame: { job: string | null; pipeline: string; path: string },
  ) {}

  has(kind: ComponentKind, type: string): boolean {
    return this.registry.component(kind, type) !== undefined;
  }

  async create(kind: ComponentKind, config: ConfigTree | null): Promise<Component> {
    const type = selectedType(kind, config);
    const data = { job: this.blame.job ?? undefined, pipeline: this.blame.pipeline };
    if (typeof type !== 'string') {
      throw jobError('component-type-missing', `${kind} needs a type.`, {
        ...data,
        path: `${this.blame.path}.extra_configs.type`,
        expected: `a string naming a ${kind} type`,
        received: type,
        fix: `Add type: <name> to extra_configs. ${unknownTypeFix(this.registry, kind, '')}`,
      });
    }
    const owned = this.registry.component(kind, type);
    if (!owned) {
      throw jobError('component-type-unknown', `no loaded plugin provides ${kind} type ${JSON.stringify(type)}.`, {
        ...data,
        path: `${this.blame.path}.extra_configs.type`,
        fix: unknownTypeFix(this.registry, kind, type),
      });
    }
    let resolved: unknown = config ?? {};
    if (owned.value.config) {
      const result = await validateWith(owned.value.config, resolved);
      if (!result.ok) {
        const details = result.issues.map((i) => `${issuePath(i) || '(root)'}: ${i.message}`).join('; ');
        // A wrong component config is the user's config problem (exit 2), not a job failure.
        throw configError('component-config', `invalid ${kind} config for type ${JSON.stringify(type)}: ${details}.`, {
          ...data,
          plugin: owned.plugin,
          path: `${this.blame.path}.extra_configs`,
        });
      }
      resolved = result.value;
    }
    const component = await owned.value.create(resolved, this.env);
    this.built.push(component);
    return component;
  }

  /** Disposes every component this factory built, last first. */
  async disposeAll(): Promise<void> {
    for (const component of this.built.reverse()) await component.dispose?.();
    this.built.length = 0;
  }
}
