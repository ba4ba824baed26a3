/**
 * A throwaway npm registry for the end-to-end install test (docs/plugin-resolution.md, "Checked end to end"):
 * verdaccio on 127.0.0.1 with its own temp storage. Our scope and the generated plugins' names are served only from
 * what is published to it; every other package is proxied from registry.npmjs.org.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A running local registry. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** A publish token of a throwaway user. */
  token: string;
  /** npm's `--//host:port/:_authToken=<token>` setting for this registry. */
  authArg: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function configYaml(storage: string, htpasswd: string): string {
  // No `proxy` for our scope and for the plugins a test publishes: they must come from this registry only, so a
  // package missing here fails the install instead of being fetched from npmjs.
  return `storage: ${JSON.stringify(storage)}
auth:
  htpasswd:
    file: ${JSON.stringify(htpasswd)}
    max_users: 10
uplinks:
  npmjs:
    url: https://registry.npmjs.org/
    timeout: 60s
    maxage: 30m
packages:
  '@dj-sandbox/*':
    access: $all
    publish: $authenticated
  'dj-sandbox-plugin-*':
    access: $all
    publish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    proxy: npmjs
server:
  keepAliveTimeout: 60
log: { type: stdout, format: pretty, level: warn }
`;
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}-/ping`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within 30 s:\n${output()}`);
}

/** Starts verdaccio (from this repository's devDependencies) on a free port of 127.0.0.1, with storage in `dir`. */
export async function startLocalRegistry(dir: string, verdaccioBin: string): Promise<LocalRegistry> {
  const storage = join(dir, 'storage');
  mkdirSync(storage, { recursive: true });
  const config = join(dir, 'verdaccio.yaml');
  writeFileSync(config, configYaml(storage, join(dir, 'htpasswd')));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let log = '';
  const child = spawn(process.execPath, [verdaccioBin, '--config', config, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilUp(url, child, () => log);
    // A throwaway user: verdaccio's htpasswd plugin creates it on first login and answers with a token.
    const res = await fetch(`${url}-/user/org.couchdb.user:e2e`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'e2e', password: 'e2e-password', type: 'user', roles: [] }),
    });
    const body = (await res.json()) as { token?: string };
    if (!res.ok || !body.token)
      throw new Error(`verdaccio refused the test user: ${res.status} ${JSON.stringify(body)}`);
    const authArg = `--//127.0.0.1:${port}/:_authToken=${body.token}`;
    return { url, token: body.token, authArg, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Publishes tarballs to the registry with npm, one npm per core at once (each npm spends about a second of CPU). */
export async function publishTarballs(
  registry: LocalRegistry,
  tarballs: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<void> {
  const queue = [...tarballs];
  const worker = async () => {
    for (let tgz = queue.shift(); tgz; tgz = queue.shift()) {
      await run('npm', ['publish', tgz, '--registry', registry.url, registry.authArg, '--access', 'public'], {
        env,
        cwd,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
}
