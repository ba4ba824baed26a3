import type { ComponentKind } from '../components/component-kinds.ts';
import type { AnyComponentDefinition, ExtensionContribution } from '../components/define-component.ts';
import { describeValue } from '../errors/dj-sandbox-error.ts';
import { pluginError } from '../errors/errors.ts';
import type { HookDefinition } from '../hooks/define-hook.ts';
import type { ExtensionPoint, Ref } from '../refs/create-ref.ts';
import { isPlugin, PLUGIN_API_VERSION, type Plugin, type RefMap, type ServiceSpec } from './define-plugin.ts';
import { issuePath, validateWith } from './standard-schema.ts';

/** A contribution together with the plugin that made it, for blame. */
export interface Owned<T> {
  readonly plugin: string;
  readonly value: T;
}

/** A service registration: its ref, spec and owner. */
export interface ServiceEntry {
  readonly ref: Ref<unknown>;
  readonly spec: ServiceSpec<unknown, RefMap>;
  readonly plugin: string;
}

/** A loaded plugin's identity, for `dj-sandbox plugins` and the run manifest. */
export interface LoadedPlugin {
  readonly id: string;
  readonly version: string;
  readonly description?: string;
  /** Where it was loaded from, when known. */
  readonly source?: string;
}

/**
 * Everything the loaded plugins registered: hooks, components, extension contributions and services. Plain
 * data; a run builds its DI container from it.
 */
export class PluginRegistry {
  readonly plugins: LoadedPlugin[] = [];
  readonly hooks = new Map<string, Owned<HookDefinition>>();
  readonly components = new Map<string, Owned<AnyComponentDefinition>>();
  readonly services = new Map<string, ServiceEntry>();
  private readonly extensionValues = new Map<string, Owned<unknown>[]>();

  /** Validates a plugin and calls its `register`, collecting what it contributes. */
  async add(candidate: unknown, options?: unknown, source?: string): Promise<void> {
    const where = source ?? 'a plugin';
    if (!isPlugin(candidate)) {
      throw pluginError('plugin-invalid', `${where} is not a dj-sandbox plugin.`, {
        expected: 'a default export made with definePlugin({ id, version, apiVersion, register })',
        received: candidate === null || typeof candidate !== 'object' ? candidate : Object.keys(candidate),
        fix: 'Export the result of definePlugin() as the module default.',
      });
    }
    const plugin = candidate as Plugin<unknown>;
    const existing = this.plugins.find((p) => p.id === plugin.id);
    if (existing) {
      // The same module listed twice (by name and loaded automatically, say) is one plugin; two modules claiming one
      // id are two plugins, and the second must not silently shadow the first.
      const sameModule = !existing.source || !source || existing.source === source;
      if (existing.version === plugin.version && sameModule) return;
      if (existing.version === plugin.version) {
        throw pluginError('plugin-id-taken', `two plugins use the id ${plugin.id}.`, {
          plugin: plugin.id,
          expected: 'one plugin per id (the package name without the scope)',
          received: [existing.source, source],
          fix: 'Give your plugin an id of its own (its package name), or remove one of them from plugins.',
        });
      }
      throw pluginError('plugin-conflict', `two versions of plugin ${plugin.id} are loaded.`, {
        plugin: plugin.id,
        expected: 'one version per plugin',
        received: [`${existing.version} (${existing.source ?? '?'})`, `${plugin.version} (${source ?? '?'})`],
        fix: 'Remove one of them from plugins, or align the installed versions.',
      });
    }
    if (typeof plugin.apiVersion !== 'number' || plugin.apiVersion > PLUGIN_API_VERSION || plugin.apiVersion < 1) {
      throw pluginError('plugin-api-version', 'the plugin was written for another plugin API.', {
        plugin: plugin.id,
        expected: `apiVersion 1..${PLUGIN_API_VERSION}`,
        received: plugin.apiVersion,
        fix: 'Upgrade @dj-sandbox/core, or install a version of the plugin built for this core.',
      });
    }
    let resolvedOptions = options;
    if (plugin.options) {
      const result = await validateWith(plugin.options, options ?? {});
      if (!result.ok) {
        const details = result.issues.map((i) => `${issuePath(i) || '(root)'}: ${i.message}`).join('; ');
        throw pluginError('plugin-options', `invalid options: ${details}.`, {
          plugin: plugin.id,
          received: options,
          fix: "Fix the options in the config's plugins list: [name, { ...options }].",
        });
      }
      resolvedOptions = result.value;
    }
    this.plugins.push({
      id: plugin.id,
      version: plugin.version,
      ...(plugin.description ? { description: plugin.description } : {}),
      ...(source ? { source } : {}),
    });
    plugin.register(this.registrarFor(plugin.id), resolvedOptions);
  }

  /** Everything contributed to an extension point, in plugin load order. */
  extensions<T>(point: ExtensionPoint<T>): readonly T[] {
    return (this.extensionValues.get(point.id) ?? []).map((o) => o.value as T);
  }

  /** The contributions to an extension point with their owners and the modules those were loaded from. */
  ownedExtensions<T>(point: ExtensionPoint<T>): ReadonlyArray<ExtensionContribution<T>> {
    return ((this.extensionValues.get(point.id) ?? []) as Owned<T>[]).map((o) => {
      const source = this.plugins.find((p) => p.id === o.plugin)?.source;
      return { plugin: o.plugin, value: o.value, ...(source ? { source } : {}) };
    });
  }

  /** The component registered for (kind, type), if any. */
  component(kind: ComponentKind, type: string): Owned<AnyComponentDefinition> | undefined {
    return this.components.get(`${kind}:${type}`);
  }

  /** Component types registered for a kind. */
  componentTypes(kind: ComponentKind): string[] {
    return [...this.components.values()].filter((c) => c.value.kind === kind).map((c) => c.value.type);
  }

  private registrarFor(pluginId: string) {
    const registry = this;
    return {
      hooks: {
        add(...hooks: HookDefinition[]) {
          for (const hook of hooks) {
            const prior = registry.hooks.get(hook.name);
            if (prior) {
              throw pluginError('hook-conflict', `hook ${hook.name} is registered twice.`, {
                plugin: pluginId,
                received: [prior.plugin, pluginId],
                fix: 'Load only one plugin that provides this hook.',
              });
            }
            registry.hooks.set(hook.name, { plugin: pluginId, value: hook });
          }
        },
      },
      components: {
        add(...components: AnyComponentDefinition[]) {
          for (const component of components) {
            const key = `${component.kind}:${component.type}`;
            const prior = registry.components.get(key);
            if (prior) {
              throw pluginError(
                'component-conflict',
                `component ${component.kind} type ${describeValue(component.type)} is registered twice.`,
                {
                  plugin: pluginId,
                  received: [prior.plugin, pluginId],
                  fix: 'Load only one plugin that provides this component type.',
                },
              );
            }
            registry.components.set(key, { plugin: pluginId, value: component });
          }
        },
      },
      extend<T>(point: ExtensionPoint<T>, ...values: T[]) {
        const list = registry.extensionValues.get(point.id) ?? [];
        for (const value of values) list.push({ plugin: pluginId, value });
        registry.extensionValues.set(point.id, list);
      },
      service<T, D extends RefMap>(ref: Ref<T>, spec: ServiceSpec<T, D>) {
        if (registry.services.has(ref.id)) {
          throw pluginError('service-conflict', `service ${ref.id} is provided twice.`, {
            plugin: pluginId,
            received: [registry.services.get(ref.id)?.plugin, pluginId],
          });
        }
        registry.services.set(ref.id, { ref, spec: spec as unknown as ServiceSpec<unknown, RefMap>, plugin: pluginId });
      },
    };
  }
}
