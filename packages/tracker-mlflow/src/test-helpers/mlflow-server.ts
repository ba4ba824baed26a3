import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** A local MLflow server started for a test. */
export interface MlflowServer {
  uri: string;
  dir: string;
  stop(): Promise<void>;
}

/** Where the tests look for `mlflow`: `$MLFLOW_BIN`, the CI venv, then PATH. */
export function findMlflow(): string | null {
  const candidates = [process.env.MLFLOW_BIN, join(homedir(), '.cache', 'dj-sandbox', 'mlflow-venv', 'bin', 'mlflow')];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const which = spawnSync('sh', ['-c', 'command -v mlflow'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    child.once('exit', () => resolve());
    // The server forks workers; they share the process group the child leads.
    process.kill(-child.pid, 'SIGTERM');
    setTimeout(() => {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }, 5000).unref();
  });
}

/**
 * Starts `mlflow server` on a free port of 127.0.0.1 with a SQLite store and local artifacts in a temp folder, and
 * waits until `/health` answers. Resolves to `null` with the reason when mlflow is missing or does not come up.
 */
export async function startMlflow(timeoutMs = 170_000): Promise<{ server: MlflowServer | null; reason: string }> {
  const bin = findMlflow();
  if (!bin) return { server: null, reason: 'mlflow is not installed (set MLFLOW_BIN or put mlflow on PATH)' };
  const dir = mkdtempSync(join(tmpdir(), 'mlflow-test-'));
  const port = await freePort();
  const args = ['server', '--host', '127.0.0.1', '--port', String(port), '--workers', '1'];
  args.push('--backend-store-uri', `sqlite:///${join(dir, 'mlflow.db')}`);
  args.push('--default-artifact-root', join(dir, 'artifacts'), '--artifacts-destination', join(dir, 'proxied'));
  const child = spawn(bin, args, { cwd: dir, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const uri = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${uri}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        const stop = async () => {
          await stopGroup(child);
          rmSync(dir, { recursive: true, force: true });
        };
        return { server: { uri, dir, stop }, reason: '' };
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stopGroup(child);
  rmSync(dir, { recursive: true, force: true });
  return { server: null, reason: `mlflow server did not start: ${stderr.trim().split('\n').slice(-3).join(' | ')}` };
}
