import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  definePlugin,
  type Plugin,
  type PythonCommandOptions,
  type PythonEnv,
  type PythonEnvManagerName,
  type PythonEnvSpec,
  pythonEnvsRef,
} from '@dj-sandbox/core';
import { runCommand } from '../process/run-command.ts';

/** What a {@link recordingPythonEnvs} bridge was asked to do. */
export interface RecordedBridgeCalls {
  /** The specs `ensure` got, in order. */
  readonly ensured: PythonEnvSpec[];
  /** The dependency specs `install` got. */
  readonly installed: Array<string | readonly string[]>;
  /** Every command `run` got. */
  readonly runs: Array<{ argv: readonly string[]; cwd?: string; env?: Record<string, string | undefined> }>;
}

/** Options of {@link recordingPythonEnvs}. */
export interface RecordingPythonEnvsOptions {
  /** Fake tools (name → script text) written into the env's `bin`, which comes first on PATH for every run. */
  readonly executables?: Readonly<Record<string, string>>;
  readonly manager?: PythonEnvManagerName;
  readonly name?: string;
}

/**
 * A Python bridge for tests of plugins whose real environment cannot be made here (CUDA torch, flash-attn, model
 * hubs): `ensure` and `install` only record what they were asked; `run` really runs the argv through env-manager's
 * own runner (lines streamed to `onLine` and `logFile`, the same tail and errors), with the fake tools first on
 * PATH. Tests that use it are tests against fakes and should say so in their names.
 */
export function recordingPythonEnvs(options: RecordingPythonEnvsOptions = {}): {
  plugin: Plugin;
  calls: RecordedBridgeCalls;
  /** The env's folder; its `bin` holds the fake tools. */
  prefix: string;
} {
  const prefix = mkdtempSync(join(tmpdir(), 'fake-python-env-'));
  const bin = join(prefix, 'bin');
  mkdirSync(bin);
  for (const [name, script] of Object.entries(options.executables ?? {})) {
    writeFileSync(join(bin, name), script);
    chmodSync(join(bin, name), 0o755);
  }
  const calls: RecordedBridgeCalls = { ensured: [], installed: [], runs: [] };
  const env: PythonEnv = {
    name: options.name ?? 'fake',
    manager: options.manager ?? 'uv',
    prefix,
    python: join(bin, 'python'),
    async install(deps) {
      calls.installed.push(deps);
    },
    run(argv, run: PythonCommandOptions = {}) {
      calls.runs.push({
        argv: [...argv],
        ...(run.cwd ? { cwd: run.cwd } : {}),
        ...(run.env ? { env: { ...run.env } } : {}),
      });
      return runCommand(argv, {
        ...run,
        envName: env.name,
        env: { ...run.env, PATH: `${bin}${delimiter}${run.env?.PATH ?? process.env.PATH ?? ''}` },
      });
    },
  };
  const plugin = definePlugin({
    id: 'recording-python-envs',
    version: '0.0.0-test',
    apiVersion: 1,
    register(reg) {
      reg.service(pythonEnvsRef, {
        deps: {},
        factory: () => ({
          async ensure(spec: PythonEnvSpec) {
            calls.ensured.push(spec);
            return env;
          },
        }),
      });
    },
  });
  return { plugin, calls, prefix };
}
