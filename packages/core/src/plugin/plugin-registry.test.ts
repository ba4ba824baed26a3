import { describe, expect, it } from 'vitest';
import { definePlugin } from './define-plugin.ts';
import { PluginRegistry } from './plugin-registry.ts';

const plugin = (id: string, version = '1.0.0') => definePlugin({ id, version, apiVersion: 1, register() {} });

describe('the plugin registry', () => {
  it('loads a plugin listed twice from the same module once', async () => {
    const registry = new PluginRegistry();
    await registry.add(plugin('ops-text'), undefined, 'file:///a/ops-text/dist/index.js');
    await registry.add(plugin('ops-text'), undefined, 'file:///a/ops-text/dist/index.js');
    expect(registry.plugins).toHaveLength(1);
  });

  it('refuses a second plugin that takes a loaded plugin’s id, instead of silently shadowing it', async () => {
    const registry = new PluginRegistry();
    await registry.add(plugin('ops-text'), undefined, 'file:///a/@dj-sandbox/ops-text/dist/index.js');
    await expect(registry.add(plugin('ops-text'), undefined, 'file:///a/acme-ops-text/dist/index.js')).rejects.toThrow(
      /two plugins use the id ops-text.*Give your plugin an id of its own/s,
    );
  });

  it('refuses two versions of one plugin', async () => {
    const registry = new PluginRegistry();
    await registry.add(plugin('hooks-data', '1.0.0'), undefined, 'file:///a/index.js');
    await expect(registry.add(plugin('hooks-data', '2.0.0'), undefined, 'file:///b/index.js')).rejects.toThrow(
      /two versions of plugin hooks-data/,
    );
  });
});
