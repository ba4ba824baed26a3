import type { PythonEnvManagerName } from '@dj-sandbox/core';
import type { InstallArgs } from '../spec/dep-args.ts';

/** How one kind of manager creates, finds, installs into and runs in an environment. */
export interface EnvBackend {
  readonly manager: PythonEnvManagerName;
  /** The env's name as the user sees it (a directory for virtual envs, a conda env name). */
  readonly name: string;
  /** The program that must be on PATH for this manager. */
  readonly program: string;
  /** Where a lock and the "being created" flag for this env live (siblings of the env, or in the cache). */
  readonly lockBase: string;
  /** The env's directory, when it exists. */
  prefix(): Promise<string | undefined>;
  /** The argv that creates the env. */
  createArgv(): string[];
  /** The argv that removes a half-created env, if the manager needs one (virtual envs are just deleted). */
  removeArgv?(): string[];
  /** The argv that installs one group of dependency arguments. */
  installArgv(prefix: string, args: InstallArgs): string[];
  /** The argv and extra environment variables that run `argv` inside the env. */
  runIn(prefix: string, argv: readonly string[]): { argv: string[]; env: Record<string, string> };
}
