import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ComponentEnv, configError, type PythonEnv, pythonEnvsRef } from '@dj-sandbox/core';
import { envSpecFromConfig } from '@dj-sandbox/env-manager';
import type { EasyAnimateCommon } from './config.ts';
import { runCwd } from './dataset-conversion.ts';

/** The EasyAnimate commit the sandbox's patch applies to. */
export const EASYANIMATE_COMMIT = 'b54412ceb0af6a06bf907e049920f18508c862f1';
/** Where a missing EasyAnimate checkout is cloned from. */
export const EASYANIMATE_REPO = 'https://github.com/aigc-apps/EasyAnimate.git';
/** Files the patch adds; when one exists, the checkout counts as patched (the reference's test). */
export const PATCHED_FILES = [
  'train_lora.sh',
  'train_lora.py',
  'infer_lora.sh',
  'infer_lora.py',
  'easyanimate/utils/IDDIM.py',
];

const MARKER = '.dj-sandbox-easyanimate-setup.json';

/** A prepared EasyAnimate: its env and its (patched, installed) home. */
export interface EasyAnimate {
  readonly env: PythonEnv;
  readonly home: string;
  /** The component label for errors, e.g. `[plugin:executor-easyanimate] train`. */
  readonly component: string;
}

/**
 * Creates (or reuses) the env and sets EasyAnimate up in it once: clone when the home is missing, reset to the
 * pinned commit and apply the patch when none of the patched files exists, `python install.py`, make the scripts
 * executable. A marker in the env remembers the home it was set up for, so later jobs skip all of it (the
 * reference redid it on every hook run).
 */
export async function prepareEasyAnimate(
  cfg: EasyAnimateCommon,
  env: ComponentEnv,
  runType: string,
): Promise<EasyAnimate> {
  const cwd = runCwd(env);
  const component = `[plugin:executor-easyanimate] ${runType}`;
  const home = resolve(cwd, cfg.easyanimate_home);
  const python = await env
    .resolve(pythonEnvsRef)
    .ensure(envSpecFromConfig(cfg, { deps: cfg.env_deps, baseDir: cwd }), { component, signal: env.signal });
  const marker = join(python.prefix, MARKER);
  const done = existsSync(marker) && (JSON.parse(readFileSync(marker, 'utf8')) as { home?: string }).home === home;
  if (done && existsSync(join(home, 'train_lora.sh'))) return { env: python, home, component };

  const run = (argv: string[], options: { cwd?: string; allowFailure?: boolean } = {}) =>
    python.run(argv, {
      component,
      signal: env.signal,
      onLine: (line) => env.logger.info(line),
      ...options,
    });
  env.logger.info(`setting up EasyAnimate in ${home}`);
  if (!existsSync(home)) await run(['git', 'clone', EASYANIMATE_REPO, home]);
  if (!PATCHED_FILES.some((f) => existsSync(join(home, f)))) {
    const inRepo = await run(['git', '-C', home, 'rev-parse', '--is-inside-work-tree'], { allowFailure: true });
    if (inRepo.exitCode !== 0) {
      env.logger.warn(`${home} is not a git repository: EasyAnimate cannot be patched there`);
    } else {
      const patch = resolve(cwd, cfg.easyanimate_patch);
      if (!existsSync(patch)) {
        throw configError('easyanimate-patch-missing', `the EasyAnimate patch ${patch} does not exist`, {
          path: 'extra_configs.easyanimate_patch',
          expected: "the sandbox's easyanimate.diff (thirdparty/models/patch/easyanimate.diff in its repository)",
          received: patch,
          fix: 'copy the patch there or set easyanimate_patch to where it is',
        });
      }
      await run(['git', '-C', home, 'reset', '--hard', EASYANIMATE_COMMIT]);
      await run(['git', '-C', home, 'apply', patch]);
    }
  } else {
    env.logger.warn(`some patched files already exist in ${home}: the patch is not applied again`);
  }
  if (existsSync(join(home, 'install.py'))) await run(['python', 'install.py'], { cwd: home });
  for (const script of ['train_lora.sh', 'infer_lora.sh']) {
    if (existsSync(join(home, script))) chmodSync(join(home, script), 0o755);
  }
  writeFileSync(marker, `${JSON.stringify({ home, commit: EASYANIMATE_COMMIT })}\n`);
  return { env: python, home, component };
}
