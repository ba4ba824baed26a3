/**
 * Core's known-provider tables (hooks, their component kinds, component types, operators) name the first-party
 * package behind each name, so that `validate` can say what to install before anything is installed. They are
 * checked here against what the real packages register, so they cannot drift or name a package that does not exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  KNOWN_COMPONENT_PROVIDERS,
  KNOWN_HOOK_COMPONENT_KINDS,
  KNOWN_HOOK_PROVIDERS,
  KNOWN_OPERATOR_PROVIDERS,
  KNOWN_SERVICE_PROVIDERS,
  operatorsPoint,
  PluginRegistry,
} from '@dj-sandbox/core';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

/** Every workspace package by name, with whether it is a plugin (its `djSandbox` role). */
const WORKSPACE = new Map(
  readdirSync(join(ROOT, 'packages')).map((dir) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')) as {
      name: string;
      private?: boolean;
      djSandbox?: { role?: string };
    };
    return [manifest.name, manifest] as const;
  }),
);

const PLUGINS = [...WORKSPACE.values()].filter((m) => m.djSandbox?.role && !m.private).map((m) => m.name);

/** Each published plugin loaded into a registry of its own. */
async function loadEach(): Promise<Map<string, PluginRegistry>> {
  const registries = new Map<string, PluginRegistry>();
  for (const name of PLUGINS) {
    const registry = new PluginRegistry();
    await registry.add(((await import(name)) as { default: unknown }).default);
    registries.set(name, registry);
  }
  return registries;
}

describe("core's known-provider tables", () => {
  it('name only packages that exist in this workspace and are published', () => {
    const named = [
      ...Object.values(KNOWN_HOOK_PROVIDERS),
      ...Object.values(KNOWN_COMPONENT_PROVIDERS),
      ...Object.values(KNOWN_OPERATOR_PROVIDERS),
      ...Object.values(KNOWN_SERVICE_PROVIDERS),
    ];
    for (const name of new Set(named)) {
      expect(WORKSPACE.has(name), name).toBe(true);
      expect(WORKSPACE.get(name)?.private, name).not.toBe(true);
    }
  });

  it('match the hooks, their component kinds, the component types and the operators the packages register', async () => {
    const hooks: Record<string, string> = {};
    const kinds: Record<string, string> = {};
    const components: Record<string, string> = {};
    const operators: Record<string, string> = {};
    for (const [name, registry] of await loadEach()) {
      for (const [hook, owned] of registry.hooks) {
        hooks[hook] = name;
        if (owned.value.componentKind) kinds[hook] = owned.value.componentKind;
      }
      for (const key of registry.components.keys()) components[key] = name;
      for (const op of registry.extensions(operatorsPoint)) operators[op.name] = name;
    }
    expect(KNOWN_HOOK_PROVIDERS).toEqual(hooks);
    expect(KNOWN_HOOK_COMPONENT_KINDS).toEqual(kinds);
    expect(KNOWN_COMPONENT_PROVIDERS).toEqual(components);
    expect(KNOWN_OPERATOR_PROVIDERS).toEqual(operators);
  });
});
