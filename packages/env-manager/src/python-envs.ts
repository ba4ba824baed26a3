import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  jobError,
  type Logger,
  type PythonCommandOptions,
  type PythonEnv,
  type PythonEnvSpec,
  type PythonEnvs,
  silentLogger,
} from '@dj-sandbox/core';
import type { EnvBackend } from './managers/env-backend.ts';
import { findExecutable } from './managers/find-executable.ts';
import { runCommand } from './process/run-command.ts';
import { installCommands } from './spec/dep-args.ts';
import { fingerprintInstalls, type ResolvedEnvSpec, resolveEnvSpec } from './spec/resolve-spec.ts';
import { defaultEnvCacheDir } from './store/cache-dir.ts';
import { withEnvLock } from './store/env-lock.ts';
import { type EnvMarker, readMarker, writeMarker } from './store/env-marker.ts';

/** Options of {@link createPythonEnvs}. */
export interface PythonEnvsOptions {
  /** Where cached environments live (default {@link defaultEnvCacheDir}). */
  readonly cacheDir?: string;
  /** Folder relative paths in specs are resolved against when a spec has no `baseDir` (default: cwd). */
  readonly baseDir?: string;
  readonly logger?: Logger;
}

const creatingFlag = (backend: EnvBackend) => `${backend.lockBase}.creating`;

function ready(prefix: string | undefined, backend: EnvBackend, installs: ResolvedEnvSpec['installs']): boolean {
  if (!prefix || existsSync(creatingFlag(backend))) return false;
  const marker = readMarker(prefix);
  return marker !== undefined && installs.every((i) => marker.installed.includes(i.fingerprint));
}

/**
 * The Python bridge (docs/python-environments.md): environments created once and reused. An env is ready when its
 * marker file lists every dependency spec asked for; otherwise it is created and/or completed under a lock. A
 * "being created" flag beside it, removed only at the end, means a killed creation is redone from scratch.
 */
export function createPythonEnvs(options: PythonEnvsOptions = {}): PythonEnvs {
  const cacheDir = options.cacheDir ?? defaultEnvCacheDir();
  const logger = options.logger ?? silentLogger;

  async function ensure(spec: PythonEnvSpec, run: PythonCommandOptions = {}): Promise<PythonEnv> {
    const resolved = resolveEnvSpec({ baseDir: options.baseDir, ...spec }, cacheDir);
    const { backend } = resolved;
    const where = { component: run.component, envName: backend.name };
    let prefix = await backend.prefix();
    if (!ready(prefix, backend, resolved.installs)) {
      requireProgram(backend, run.component);
      prefix = await withEnvLock(`${backend.lockBase}.lock`, () => createOrComplete(resolved, run), {
        onWait: (pid) => logger.info(`waiting for process ${pid}, which is creating Python env ${backend.name}`),
        ...(run.signal ? { signal: run.signal } : {}),
      });
    }
    return pythonEnv(resolved, prefix as string, where, (deps, opts) => install(resolved, deps, opts));
  }

  async function createOrComplete(resolved: ResolvedEnvSpec, run: PythonCommandOptions): Promise<string> {
    const { backend } = resolved;
    const flag = creatingFlag(backend);
    let prefix = await backend.prefix();
    if (ready(prefix, backend, resolved.installs)) return prefix as string;
    const commandOptions = { ...run, envName: backend.name, allowFailure: false };
    if (prefix && existsSync(flag)) {
      logger.warn(`Python env ${backend.name} was left half-created by a killed run; creating it again`);
      if (backend.removeArgv) await runCommand(backend.removeArgv(), { ...commandOptions, allowFailure: true });
      rmSync(prefix, { recursive: true, force: true });
      prefix = undefined;
    }
    const started = Date.now();
    writeFileSync(flag, `${process.pid}\n`);
    if (!prefix) {
      logger.info(`creating Python env ${backend.name} with ${backend.manager}`);
      await runCommand(backend.createArgv(), commandOptions);
      prefix = await backend.prefix();
      if (!prefix) {
        throw jobError(
          'python-env-missing',
          `${backend.manager} reported success but env ${backend.name} is not there.`,
          {
            argv: backend.createArgv(),
          },
        );
      }
    }
    const marker: EnvMarker = readMarker(prefix) ?? {
      key: resolved.key,
      manager: backend.manager,
      python: join(prefix, 'bin', 'python'),
      created: new Date().toISOString(),
      installed: [],
    };
    writeMarker(prefix, marker);
    for (const { args, fingerprint } of resolved.installs) {
      if (marker.installed.includes(fingerprint)) continue;
      logger.info(`installing into Python env ${backend.name}: ${args.join(' ')}`);
      await runCommand(backend.installArgv(prefix, args), commandOptions);
      marker.installed.push(fingerprint);
      writeMarker(prefix, marker);
    }
    rmSync(flag, { force: true });
    logger.info(`Python env ${backend.name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return prefix;
  }

  async function install(resolved: ResolvedEnvSpec, deps: string | readonly string[], run: PythonCommandOptions) {
    const baseDir = options.baseDir ?? process.cwd();
    const more = { ...resolved, installs: fingerprintInstalls(installCommands(deps, baseDir)) };
    if (ready(await resolved.backend.prefix(), resolved.backend, more.installs)) return;
    await withEnvLock(`${resolved.backend.lockBase}.lock`, () => createOrComplete(more, run));
  }

  return { ensure };
}

function requireProgram(backend: EnvBackend, component?: string): void {
  if (findExecutable(backend.program)) return;
  throw jobError('python-manager-missing', `${component ? `${component}: ` : ''}${backend.program} is not installed.`, {
    env: backend.name,
    expected: `${backend.program} on PATH (env_manager: ${backend.manager})`,
    fix:
      backend.manager === 'uv'
        ? 'Install uv (pip install uv), or set env_manager: venv to use the standard library.'
        : `Install ${backend.program}, or choose another env_manager (uv, venv, virtualenv, conda, mamba).`,
  });
}

function pythonEnv(
  resolved: ResolvedEnvSpec,
  prefix: string,
  where: { component?: string | undefined; envName: string },
  install: (deps: string | readonly string[], options: PythonCommandOptions) => Promise<void>,
): PythonEnv {
  const { backend } = resolved;
  return {
    name: backend.name,
    manager: backend.manager,
    prefix,
    python: join(prefix, 'bin', 'python'),
    run(argv, options = {}) {
      const inside = backend.runIn(prefix, argv);
      return runCommand(inside.argv, {
        ...options,
        component: options.component ?? where.component,
        envName: where.envName,
        env: { ...inside.env, ...options.env },
      });
    },
    install: (deps, options = {}) => install(deps, { component: where.component, ...options }),
  };
}

/** Creates or reuses one environment (the same as the service's `ensure`), for scripts, benches and tests. */
export function ensurePythonEnv(
  spec: PythonEnvSpec,
  options: PythonCommandOptions & PythonEnvsOptions = {},
): Promise<PythonEnv> {
  return createPythonEnvs(options).ensure(spec, options);
}
