import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where cached environments live: `DJ_SANDBOX_ENV_DIR`, else `$XDG_CACHE_HOME/dj-sandbox/envs`, else
 * `~/.cache/dj-sandbox/envs`.
 */
export function defaultEnvCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DJ_SANDBOX_ENV_DIR) return env.DJ_SANDBOX_ENV_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dj-sandbox', 'envs');
}
