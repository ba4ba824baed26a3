/**
 * The install story end to end (docs/plugin-resolution.md, "Checked end to end"): every publishable package is
 * packed and published to a local registry (verdaccio on 127.0.0.1), then plain npm in fresh folders runs the
 * quick start with `npx -p` and no prior install, `validate` with only the CLI installed names every missing package
 * and the one command that installs them, and a plugin made by `dj-sandbox init plugin`, published there too, is
 * installed beside the CLI and runs from a config found by discovery. Needs `pnpm build` first (CI runs it).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRegistry, publishTarballs, startLocalRegistry } from './registry-e2e/local-registry.ts';
import { npmCacheDir, npmEnv, type Ran, runIn } from './registry-e2e/npm-sandbox.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const QUICK_START = join(ROOT, 'examples/quick-start');
const QUICK_START_PLUGINS = ['@dj-sandbox/hooks-data', '@dj-sandbox/executor-data-juicer', '@dj-sandbox/ops-text'];
const STEP_TIMEOUT = 300_000;

/** The workspace packages a release publishes (not private), by folder. */
function publishablePackages(): string[] {
  return readdirSync(join(ROOT, 'packages')).filter((dir) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')) as {
      private?: boolean;
    };
    return !manifest.private;
  });
}

async function npmjsReachable(): Promise<boolean> {
  try {
    return (await fetch('https://registry.npmjs.org/yaml', { signal: AbortSignal.timeout(10_000) })).ok;
  } catch {
    return false;
  }
}

const reachable = await npmjsReachable();
if (!reachable)
  console.warn('registry e2e skipped: registry.npmjs.org (the uplink for third-party packages) is unreachable');

/** Fails with what the command printed, so that a failing install or run explains itself. */
function expectOk(ran: Ran, what: string): void {
  expect(ran.code, `${what} exited with ${ran.code}\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`).toBe(0);
}

function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.runIf(reachable)('installing from a local registry with plain npm (verdaccio on 127.0.0.1)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dj-sandbox-registry-'));
  const timings: Record<string, number> = {};
  let registry: LocalRegistry;
  let env: NodeJS.ProcessEnv;
  /** A project that starts with only the CLI installed. */
  const project = join(dir, 'project');

  beforeAll(async () => {
    const started = performance.now();
    if (!existsSync(join(ROOT, 'packages/cli/dist/bin.js')))
      throw new Error('run `pnpm build` first: the test packs dist/');
    const tarballs = join(dir, 'tarballs');
    const names = publishablePackages();
    execFileSync(
      'pnpm',
      ['-r', ...names.flatMap((n) => ['--filter', `./packages/${n}`]), 'pack', '--pack-destination', tarballs],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    timings.pack = Math.round((performance.now() - started) / 100) / 10;
    registry = await startLocalRegistry(join(dir, 'registry'), join(ROOT, 'node_modules/verdaccio/bin/verdaccio'));
    timings.packAndStartRegistry = Math.round((performance.now() - started) / 100) / 10;
    env = npmEnv(registry.url, registry.token, dir, npmCacheDir());
    await publishTarballs(
      registry,
      readdirSync(tarballs).map((f) => join(tarballs, f)),
      env,
      dir,
    );
    timings.packAndPublish = Math.round((performance.now() - started) / 100) / 10;
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await registry?.stop();
    console.log(`registry e2e timings (s): ${JSON.stringify(timings)}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves every publishable package, and nothing of our scope from npmjs', async () => {
    for (const name of publishablePackages()) {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', name, 'package.json'), 'utf8')) as {
        name: string;
      };
      const res = await fetch(`${registry.url}${manifest.name.replace('/', '%2f')}`);
      expect(res.status, manifest.name).toBe(200);
    }
    expect((await fetch(`${registry.url}@dj-sandbox%2fno-such-package`)).status).toBe(404);
  });

  it(
    'npx -p runs the quick-start config with no prior install: probe, k-sigma refinement, processing',
    async () => {
      const work = join(dir, 'npx');
      cpSync(QUICK_START, work, { recursive: true });
      // Without optional dependencies (sharp's and jieba's native binaries): the quick start does not need them, they
      // load lazily, and the install is smaller.
      const ran = await runIn(work, { ...env, npm_config_omit: 'optional' }, 'npx', [
        '-y',
        '-p',
        '@dj-sandbox/cli',
        ...QUICK_START_PLUGINS.flatMap((p) => ['-p', p]),
        'dj-sandbox',
        'run',
        '--config',
        'sandbox.yaml',
      ]);
      timings.npxQuickStart = ran.seconds;
      expectOk(ran, 'npx dj-sandbox run');
      expect(existsSync(join(work, 'node_modules')), 'npx installed nothing into the folder').toBe(false);
      const out = join(work, 'outputs/quick-start');
      const rows = readJsonl(join(out, 'iter_1/processed.jsonl'));
      // k-sigma (k = 1) tightens the recipe to the bulk of the data: the symbols-only row, "ok" and the one long
      // paragraph are dropped; the twelve ordinary sentences and one more are kept.
      const texts = rows.map((r) => r.text as string);
      expect(texts).toHaveLength(13);
      expect(texts).not.toContain('ok');
      expect(texts.some((t) => t.startsWith('!!!!'))).toBe(false);
      expect(texts.some((t) => t.startsWith('The committee'))).toBe(false);
      expect(texts).toContain('The river runs past the old mill and into the valley below.');
      const refined = readFileSync(join(out, 'k_sigma_recipe.yaml'), 'utf8');
      expect(refined).toMatch(/max_len: 139\b/);
      const context = JSON.parse(readFileSync(join(out, 'context_infos.json'), 'utf8'));
      expect(context[0].pipeline_infos[0].job_infos).toEqual([
        { meta_name: 'analysis_ori_data', '0': expect.stringMatching(/processed\.jsonl$/) },
        { meta_name: 'analysis_ori_data', refined_recipe_path: './outputs/quick-start/k_sigma_recipe.yaml' },
        {
          meta_name: 'process_data_with_refined_recipe',
          processed_dataset_path: './outputs/quick-start/iter_1/processed.jsonl',
        },
      ]);
    },
    STEP_TIMEOUT,
  );

  it(
    'validate with only the CLI installed names every missing package and one npm command; that command makes it valid',
    async () => {
      mkdirSync(project, { recursive: true });
      writeFileSync(join(project, 'package.json'), '{ "name": "my-project", "private": true }\n');
      cpSync(QUICK_START, project, { recursive: true });
      const installCli = await runIn(project, env, 'npm', ['i', '@dj-sandbox/cli']);
      timings.installCli = installCli.seconds;
      expectOk(installCli, 'npm i @dj-sandbox/cli');

      const invalid = await runIn(project, env, 'npx', ['dj-sandbox', 'validate', '--config', 'sandbox.yaml']);
      expect(invalid.code, invalid.stderr).toBe(2);
      for (const name of QUICK_START_PLUGINS) expect(invalid.stderr).toContain(name);
      const commands = invalid.stderr.match(/npm i( @dj-sandbox\/[\w-]+)+/g) ?? [];
      expect(commands, invalid.stderr).toHaveLength(1);
      const install = commands[0]!.split(' ').slice(2);
      expect(install.sort()).toEqual([...QUICK_START_PLUGINS].sort());

      const fix = await runIn(project, env, 'npm', ['i', ...install]);
      timings.installPlugins = fix.seconds;
      expectOk(fix, commands[0]!);
      const valid = await runIn(project, env, 'npx', ['dj-sandbox', 'validate', '--config', 'sandbox.yaml']);
      expectOk(valid, 'validate after the install');
      expect(valid.stdout).toContain('sandbox.yaml is valid');
    },
    STEP_TIMEOUT,
  );

  it(
    'a plugin made by init plugin, published there and installed beside the CLI, runs from a discovered dj-sandbox.config.yaml',
    async () => {
      const plugin = join(dir, 'plugin');
      const init = await runIn(project, env, 'npx', [
        'dj-sandbox',
        'init',
        'plugin',
        plugin,
        '--name',
        'dj-sandbox-plugin-example',
      ]);
      expectOk(init, 'dj-sandbox init plugin');
      const pluginInstall = await runIn(plugin, env, 'npm', ['install']);
      timings.pluginInstall = pluginInstall.seconds;
      expectOk(pluginInstall, 'npm install in the generated plugin');
      const pluginTest = await runIn(plugin, env, 'npm', ['test']);
      timings.pluginTest = pluginTest.seconds;
      expectOk(pluginTest, 'npm test in the generated plugin');
      const publish = await runIn(plugin, env, 'npm', ['publish']);
      expectOk(publish, 'npm publish of the generated plugin');

      const add = await runIn(project, env, 'npm', ['i', 'dj-sandbox-plugin-example', '@dj-sandbox/hooks-model']);
      timings.installThirdParty = add.seconds;
      expectOk(add, 'npm i dj-sandbox-plugin-example');
      writeFileSync(
        join(project, 'recipe.yaml'),
        [
          'dataset_path: ./data/samples.jsonl',
          'export_path: ./outputs/example/with-the.jsonl',
          'process:',
          '  - contains_word_filter: { word: the }',
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(project, 'dj-sandbox.config.yaml'),
        [
          'work_dir: ./outputs/example',
          'plugins: [dj-sandbox-plugin-example]',
          'probe_job_configs:',
          '  - { hook: GreetingHook, meta_name: greet, extra_configs: { name: registry } }',
          'execution_job_configs:',
          '  - { hook: ProcessDataHook, meta_name: keep_the, output: kept, dj_configs: recipe.yaml }',
          'evaluation_job_configs:',
          '  - hook: EvaluateDataHook',
          '    meta_name: mean_length',
          '    input: { extra_configs.dataset_path: anonymous.keep_the.kept }',
          '    extra_configs: { type: mean_text_length }',
          '',
        ].join('\n'),
      );
      const ran = await runIn(project, env, 'npx', ['dj-sandbox', 'run']);
      timings.runThirdParty = ran.seconds;
      expectOk(ran, 'npx dj-sandbox run (config found by discovery)');

      const out = join(project, 'outputs/example');
      const kept = readJsonl(join(out, 'iter_1/with-the.jsonl')).map((r) => r.text as string);
      const samples = readJsonl(join(project, 'data/samples.jsonl')).map((r) => r.text as string);
      const withThe = samples.filter((t) => t.includes('the'));
      expect(kept).toEqual(withThe);
      expect(kept.length).toBeLessThan(samples.length);
      const [iteration] = JSON.parse(readFileSync(join(out, 'context_infos.json'), 'utf8'));
      const mean = withThe.reduce((n, t) => n + t.length, 0) / withThe.length;
      expect(iteration.pipeline_infos[0].job_infos).toEqual([
        { meta_name: 'greet', '0': 'hello, registry' },
        { meta_name: 'keep_the', kept: expect.stringMatching(/with-the\.jsonl$/) },
        { meta_name: 'mean_length', '0': mean },
      ]);
    },
    STEP_TIMEOUT,
  );
});
