import type { DjSandboxError } from '../errors/dj-sandbox-error.ts';
import { createExtensionPoint } from '../refs/create-ref.ts';
import type { SandboxConfig } from '../types/sandbox-config.ts';

/** What a plugin's config check gets: the normalised config and the folder relative paths resolve against. */
export interface ConfigCheckInput {
  readonly config: SandboxConfig;
  readonly cwd: string;
}

/** A plugin's own check of a whole config before anything runs (e.g. placeholders its components cannot run with). */
export type PluginConfigCheck = (input: ConfigCheckInput) => {
  errors?: readonly DjSandboxError[];
  warnings?: readonly DjSandboxError[];
};

/** Plugins contribute config checks here; `checkConfig` (and so `dj-sandbox validate`) runs them all. */
export const configChecksPoint = createExtensionPoint<PluginConfigCheck>({ id: 'core.config-checks' });
