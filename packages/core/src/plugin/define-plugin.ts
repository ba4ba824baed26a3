import type { AnyComponentDefinition } from '../components/define-component.ts';
import type { HookDefinition } from '../hooks/define-hook.ts';
import type { ExtensionPoint, Ref } from '../refs/create-ref.ts';
import type { StandardSchemaV1 } from './standard-schema.ts';

/** The plugin API version this core implements. A plugin declaring a newer one is rejected. */
export const PLUGIN_API_VERSION = 1;

/** Services a plugin may depend on, by name. */
export type RefMap = Record<string, Ref<unknown>>;

/** The resolved values of a {@link RefMap}. */
export type ResolvedRefs<D extends RefMap> = { [K in keyof D]: D[K] extends Ref<infer T> ? T : never };

/** How a plugin provides a service: explicit dependencies and a factory, created once per run. */
export interface ServiceSpec<T, D extends RefMap> {
  deps: D;
  factory(deps: ResolvedRefs<D>): T;
  dispose?(value: T): void | Promise<void>;
}

/** The narrow surface a plugin's `register` gets. It never sees the DI container. */
export interface Registrar {
  readonly hooks: { add(...hooks: HookDefinition[]): void };
  readonly components: { add(...components: AnyComponentDefinition[]): void };
  extend<T>(point: ExtensionPoint<T>, ...values: T[]): void;
  service<T, D extends RefMap>(ref: Ref<T>, spec: ServiceSpec<T, D>): void;
}

/** What a plugin module's default export is: inert, branded data. */
export interface Plugin<O = unknown> {
  readonly $$type: '@dj-sandbox/Plugin';
  /** Package name without the scope, e.g. `hooks-data`; appears in blame as `[plugin:hooks-data]`. */
  readonly id: string;
  readonly version: string;
  readonly apiVersion: number;
  readonly description?: string;
  readonly options?: StandardSchemaV1<unknown, O>;
  register(reg: Registrar, options: O): void;
}

/** The fields a plugin author writes. */
export type PluginSpec<O> = Omit<Plugin<O>, '$$type'>;

/**
 * Declares a plugin. Importing a plugin module has no side effects: the host calls `register` when a run starts.
 *
 * @example
 * export default definePlugin({ id: 'ops-text', version: versionOf(import.meta.url), apiVersion: 1, register(reg) { ... } })
 */
export function definePlugin<O = undefined>(spec: PluginSpec<O>): Plugin<O> {
  return Object.freeze({ $$type: '@dj-sandbox/Plugin', ...spec });
}

/** True for a value made by {@link definePlugin} (checked by brand, never by `instanceof`). */
export function isPlugin(value: unknown): value is Plugin {
  return typeof value === 'object' && value !== null && (value as Plugin).$$type === '@dj-sandbox/Plugin';
}
