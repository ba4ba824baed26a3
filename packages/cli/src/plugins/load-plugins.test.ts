import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { CLI_PACKAGE_DIR, loadPlugins, resolutionBases } from './load-plugins.ts';

describe('plugin resolution', () => {
  it("searches the config's folder, then the working directory, then the CLI's own installation", () => {
    const bases = resolutionBases('/p/configs/sandbox.yaml', '/work').map((b) => fileURLToPath(b));
    expect(bases).toEqual(['/p/configs/', '/work/', `${CLI_PACKAGE_DIR.replace(/\/$/, '')}/`]);
    expect(CLI_PACKAGE_DIR).toBe(fileURLToPath(new URL('../..', import.meta.url)));
  });

  it('finds plugins installed beside the CLI for a config in a folder that has none (npx -p, global installs)', async () => {
    const dir = testdir({ 'sandbox.yaml': 'probe_job_configs: []\n' });
    const { registry, errors, bases } = await loadPlugins(
      {
        plugins: ['@dj-sandbox/hooks-data'],
        configFile: join(dir, 'sandbox.yaml'),
        pipelines: [],
      } as never,
      dir,
    );
    expect(errors).toEqual([]);
    expect(registry.plugins.map((p) => p.id)).toContain('hooks-data');
    expect(bases.at(-1)).toBe(`${CLI_PACKAGE_DIR.replace(/\/$/, '')}/`);
  });

  it("loads env-manager's Python bridge only when no listed plugin provides one already", async () => {
    const bridge = `import { definePlugin, pythonEnvsRef } from '@dj-sandbox/core';
export default definePlugin({ id: 'own-bridge', version: '0.0.0', apiVersion: 1, register(reg) {
  reg.service(pythonEnvsRef, { deps: {}, factory: () => ({ ensure: async () => { throw new Error('unused'); } }) });
} });
`;
    const dir = testdir({ 'sandbox.yaml': 'probe_job_configs: []\n', 'own-bridge.mjs': bridge });
    symlinkSync(join(CLI_PACKAGE_DIR, 'node_modules'), join(dir, 'node_modules'));
    const config = { configFile: join(dir, 'sandbox.yaml'), pipelines: [] };
    const withOwn = await loadPlugins({ ...config, plugins: ['./own-bridge.mjs'] } as never, dir);
    expect(withOwn.errors).toEqual([]);
    expect(withOwn.registry.plugins.map((p) => p.id)).toEqual(['own-bridge']);
    const plain = await loadPlugins({ ...config, plugins: [] } as never, dir);
    expect(plain.automatic).toContain('@dj-sandbox/env-manager');
  });
});
