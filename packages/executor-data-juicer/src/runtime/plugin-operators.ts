import {
  type AnyOperatorDefinition,
  type ExtensionPoint,
  isPlugin,
  operatorsPoint,
  type Registrar,
} from '@dj-sandbox/core';

/**
 * Imports plugin modules (file URLs or package specifiers) and collects what they contribute to `operatorsPoint`,
 * calling each plugin's `register` with a registrar that ignores everything else. Worker threads rebuild their
 * operators this way.
 */
export async function operatorsFromSources(sources: readonly string[]): Promise<Map<string, AnyOperatorDefinition>> {
  const byName = new Map<string, AnyOperatorDefinition>();
  for (const source of sources) {
    const mod = (await import(source)) as { default?: unknown };
    const plugin = mod.default;
    if (!isPlugin(plugin)) throw new Error(`${source} has no dj-sandbox plugin as its default export`);
    const registrar: Registrar = {
      hooks: { add() {} },
      components: { add() {} },
      extend<T>(point: ExtensionPoint<T>, ...values: T[]) {
        if (point.id !== operatorsPoint.id) return;
        for (const value of values as unknown as AnyOperatorDefinition[]) byName.set(value.name, value);
      },
      service() {},
    };
    plugin.register(registrar, undefined);
  }
  return byName;
}
