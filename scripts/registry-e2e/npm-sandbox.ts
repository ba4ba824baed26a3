/**
 * Plain npm as a new user runs it, against the local registry only: its own user config, no inherited `npm_*` or
 * `DJ_SANDBOX_*` settings, and an npm cache kept under `~/.cache/dj-sandbox/npm-cache` so that later runs take the
 * third-party tarballs from disk.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** What a command printed, and how it ended. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** The npm cache reused across runs; `_npx` (npx's installs) is emptied so that every run installs afresh. */
export function npmCacheDir(): string {
  const dir = process.env.DJ_SANDBOX_NPM_CACHE ?? join(homedir(), '.cache', 'dj-sandbox', 'npm-cache');
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, '_npx'), { recursive: true, force: true });
  return dir;
}

/** The environment of every npm / npx / dj-sandbox command of the test. */
export function npmEnv(registryUrl: string, token: string, dir: string, cache: string): NodeJS.ProcessEnv {
  const npmrc = join(dir, 'npmrc');
  const host = registryUrl.replace(/^http:/, '');
  writeFileSync(npmrc, `registry=${registryUrl}\n${host}:_authToken=${token}\n`);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|DJ_SANDBOX_|NODE_OPTIONS$|VITEST|TEST$)/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    npm_config_userconfig: npmrc,
    npm_config_registry: registryUrl,
    npm_config_cache: cache,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
    NO_COLOR: '1',
  };
}

/** Runs a command to its end and never throws on a non-zero exit: the test asserts on the code. */
export function runIn(cwd: string, env: NodeJS.ProcessEnv, command: string, args: readonly string[]): Promise<Ran> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({
        code,
        stdout: stripVTControlCharacters(stdout),
        stderr: stripVTControlCharacters(stderr),
        seconds: Math.round((performance.now() - started) / 100) / 10,
      });
    });
  });
}
