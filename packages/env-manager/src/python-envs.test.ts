import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable } from './managers/find-executable.ts';
import { openModelLog } from './model-log.ts';
import { createPythonEnvs } from './python-envs.ts';

const hasUv = findExecutable('uv') !== undefined;
const tmp = () => mkdtempSync(join(tmpdir(), 'env-manager-'));

describe.skipIf(!hasUv)('uv environments (real uv, real PyPI package)', () => {
  it('creates an env with a real package, runs a script with streamed output, and reuses it without installing', async () => {
    const cacheDir = tmp();
    const envs = createPythonEnvs({ cacheDir });
    const env = await envs.ensure({ env_manager: 'uv', deps: ['six==1.16.0'] });
    expect(existsSync(env.python)).toBe(true);

    const lines: string[] = [];
    const log = openModelLog(tmp(), 'infer');
    const result = await env.run(
      [
        'python',
        '-u',
        '-c',
        'import six, sys\nfor i in range(3): print("step", i, six.__version__)\nprint("warn", file=sys.stderr)',
      ],
      { onLine: (line) => lines.push(line), logFile: log.path },
    );
    expect(result.exitCode).toBe(0);
    expect(lines).toEqual(expect.arrayContaining(['step 0 1.16.0', 'step 2 1.16.0', 'warn']));
    expect(readFileSync(log.path, 'utf8')).toContain('step 1 1.16.0');

    const again: string[] = [];
    const reused = await createPythonEnvs({ cacheDir }).ensure(
      { env_manager: 'uv', deps: ['six==1.16.0'] },
      { onLine: (line) => again.push(line) },
    );
    expect(reused.prefix).toBe(env.prefix);
    expect(again).toEqual([]); // nothing ran: no creation, no install
  }, 120_000);

  it('reports a failing command with the env, the argv, the exit code and the last lines', async () => {
    const env = await createPythonEnvs({ cacheDir: tmp() }).ensure({ env_manager: 'uv' });
    await expect(
      env.run(['python', '-c', 'print("about to fail"); raise SystemExit(3)'], { component: '[plugin:test] train' }),
    ).rejects.toThrow(
      /\[plugin:test\] train, env env-\w+: command failed with exit code 3: \S*python -c .*about to fail/s,
    );
  }, 60_000);

  it('creates an env once when two runs race for it', async () => {
    const cacheDir = tmp();
    const created: string[] = [];
    const onLine = (line: string) => line.includes('Creating virtual environment') && created.push(line);
    const [a, b] = await Promise.all([
      createPythonEnvs({ cacheDir }).ensure({ env_manager: 'uv', deps: ['six==1.16.0'] }, { onLine }),
      createPythonEnvs({ cacheDir }).ensure({ env_manager: 'uv', deps: ['six==1.16.0'] }, { onLine }),
    ]);
    expect(a.prefix).toBe(b.prefix);
    expect(created).toHaveLength(1);
  }, 120_000);

  it('never reuses an env whose creation was killed, and creates it again', async () => {
    const cacheDir = tmp();
    const script = `
      import { createPythonEnvs } from ${JSON.stringify(new URL('./python-envs.ts', import.meta.url).href)};
      await createPythonEnvs({ cacheDir: ${JSON.stringify(cacheDir)} }).ensure({ env_manager: 'uv', deps: ['six==1.16.0'] });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: 'ignore',
    });
    // Kill it while uv is creating the env: as soon as the "being created" flag appears.
    for (let i = 0; i < 400 && !readdirSync(cacheDir).some((f) => f.endsWith('.creating')); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const flagged = readdirSync(cacheDir).filter((f) => f.endsWith('.creating'));
    expect(flagged).toHaveLength(1);

    const warnings: string[] = [];
    const logger = {
      debug() {},
      info() {},
      warn: (m: string) => warnings.push(m),
      error() {},
      child() {
        return logger;
      },
    };
    const env = await createPythonEnvs({ cacheDir, logger }).ensure({ env_manager: 'uv', deps: ['six==1.16.0'] });
    const check = await env.run(['python', '-c', 'import six']);
    expect(check.exitCode).toBe(0);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.creating'))).toEqual([]);
    if (existsSync(env.prefix) && warnings.length) expect(warnings[0]).toMatch(/half-created/);
  }, 120_000);
});

describe('venv environments (real python -m venv)', () => {
  it('creates a named env as a directory relative to the base dir, as the reference does, and reuses it', async () => {
    const base = tmp();
    const envs = createPythonEnvs({ cacheDir: tmp(), baseDir: base });
    const env = await envs.ensure({ env_manager: 'venv', env_name: 'my_env' });
    expect(env.prefix).toBe(join(base, 'my_env'));
    expect(existsSync(join(base, 'my_env', 'bin', 'activate'))).toBe(true);
    const out: string[] = [];
    await env.run(['python', '-c', 'import sys; print(sys.prefix)'], { onLine: (l) => out.push(l) });
    expect(out[0]).toBe(join(base, 'my_env'));
    const created: string[] = [];
    await envs.ensure({ env_manager: 'venv', env_name: 'my_env' }, { onLine: (l) => created.push(l) });
    expect(created).toEqual([]);
  }, 120_000);

  it('rejects env_params that the reference does not accept, naming the key', async () => {
    await expect(
      createPythonEnvs({ cacheDir: tmp() }).ensure({ env_manager: 'venv', env_params: { channel: 'x' } }),
    ).rejects.toThrow(/env_params has an unknown key "channel"/);
  });

  it('names the missing manager with how to fix it', async () => {
    const path = process.env.PATH;
    process.env.PATH = tmp();
    try {
      await expect(createPythonEnvs({ cacheDir: tmp() }).ensure({ env_manager: 'virtualenv' })).rejects.toThrow(
        /virtualenv is not installed.*Install virtualenv, or choose another env_manager/s,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('conda and mamba environments (fake conda/mamba on PATH, recorded)', () => {
  const withFakeConda = async (manager: 'conda' | 'mamba', fn: (log: () => string[]) => Promise<void>) => {
    const bin = tmp();
    const root = tmp();
    const logFile = join(root, 'argv.log');
    writeFileSync(logFile, '');
    const fake = new URL('./__fixtures__/fake-conda.sh', import.meta.url).pathname;
    const { symlinkSync } = await import('node:fs');
    symlinkSync(fake, join(bin, manager));
    const saved = {
      PATH: process.env.PATH,
      FAKE_CONDA_LOG: process.env.FAKE_CONDA_LOG,
      FAKE_CONDA_ROOT: process.env.FAKE_CONDA_ROOT,
    };
    Object.assign(process.env, { PATH: `${bin}:${process.env.PATH}`, FAKE_CONDA_LOG: logFile, FAKE_CONDA_ROOT: root });
    try {
      await fn(() => readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean));
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(root, { recursive: true, force: true });
    }
  };

  it('creates a named env with the reference Python version, installs a list, and runs with live output', () =>
    withFakeConda('conda', async (argvLog) => {
      const env = await createPythonEnvs({ cacheDir: tmp() }).ensure({
        env_manager: 'conda',
        env_name: 'test_conda_env',
        deps: ['numpy', 'flash-attn==2.3.6 --no-build-isolation'],
      });
      const lines: string[] = [];
      await env.run(['python', '-c', 'print("hello")'], { onLine: (l) => lines.push(l) });
      expect(lines).toEqual(['hello']);
      expect(argvLog()).toEqual([
        'conda env list --json',
        'conda env list --json',
        'conda create -n test_conda_env -y python=3.10',
        'conda env list --json',
        'conda run -n test_conda_env python -m pip install numpy',
        'conda run -n test_conda_env python -m pip install flash-attn==2.3.6 --no-build-isolation',
        'conda run -n test_conda_env --no-capture-output python -c print("hello")',
      ]);
    }));

  it('takes the env name from env_config_path and does not create an env that exists', () =>
    withFakeConda('mamba', async (argvLog) => {
      const dir = tmp();
      writeFileSync(join(dir, 'env.yaml'), 'name: from_file\ndependencies: [python=3.11]\n');
      const envs = createPythonEnvs({ cacheDir: tmp(), baseDir: dir });
      const env = await envs.ensure({
        env_manager: 'mamba',
        env_name: 'ignored',
        env_params: { env_config_path: 'env.yaml' },
      });
      expect(env.name).toBe('from_file');
      await envs.ensure({ env_manager: 'mamba', env_config_path: 'env.yaml' });
      const creates = argvLog().filter((l) => l.includes('create'));
      expect(creates).toEqual([`mamba env create -f ${join(dir, 'env.yaml')}`]);
    }));

  it('fails creation with the exit code and conda’s own message', () =>
    withFakeConda('conda', async () => {
      process.env.FAKE_CONDA_FAIL_CREATE = '1';
      try {
        await expect(
          createPythonEnvs({ cacheDir: tmp() }).ensure({ env_manager: 'conda', env_name: 'x' }),
        ).rejects.toThrow(
          /env x: command failed with exit code 1: conda create -n x -y python=3.10.*CondaHTTPError: fake failure/s,
        );
      } finally {
        delete process.env.FAKE_CONDA_FAIL_CREATE;
      }
    }));
});
