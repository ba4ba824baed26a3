import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { recipePackages } from './first-party.ts';
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

  it('loads only the operator packages a known recipe needs, and every engine package when it may need more', async () => {
    const text = { process: ['clean_email_mapper', { words_num_filter: { min_num: 5 } }] };
    expect(recipePackages(text)).toEqual(['@dj-sandbox/ops-text']);
    expect(recipePackages({ process: [...text.process, 'image_size_filter'] })).toEqual([
      '@dj-sandbox/ops-text',
      '@dj-sandbox/ops-image',
    ]);
    expect(recipePackages({ ...text, engine: 'typescript' })).toEqual(['@dj-sandbox/ops-text']);
    // An operator only Data-Juicer has, another engine asked for, or Ray: everything installed may be needed.
    expect(recipePackages({ process: ['clean_email_mapper', 'video_motion_score_raft_filter'] })).toBeUndefined();
    expect(recipePackages({ ...text, engine: 'python' })).toBeUndefined();
    expect(recipePackages({ ...text, executor_type: 'ray' })).toBeUndefined();

    const dir = testdir({});
    const loaded = (recipe: Record<string, unknown>) =>
      loadPlugins(undefined, dir, ['@dj-sandbox/executor-data-juicer'], undefined, recipe).then((r) =>
        r.registry.plugins.map((p) => p.id).sort(),
      );
    const textOnly = await loaded(text);
    expect(textOnly).toContain('ops-text');
    expect(textOnly).not.toContain('ops-image');
    expect(textOnly).not.toContain('executor-data-juicer-py');
    const everything = await loaded({ ...text, engine: 'python' });
    expect(everything).toEqual(expect.arrayContaining(['ops-text', 'ops-image', 'ops-llm', 'executor-data-juicer-py']));
  });
});
