import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loggerRef, PluginRegistry, RunContainer, runInfoRef, silentLogger } from '@dj-sandbox/core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { createMlflowTracker } from './create-tracker.ts';
import { MlflowTracker } from './mlflow-tracker.ts';
import plugin, { mlflowTrackerRef } from './plugin.ts';
import { type MlflowServer, startMlflow } from './test-helpers/mlflow-server.ts';

let server: MlflowServer | null = null;
let skipReason = '';
const scope = { iteration: 1, pipeline: 'p', job: 'train_model' };

beforeAll(async () => {
  ({ server, reason: skipReason } = await startMlflow());
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

function needServer(ctx: TestContext): MlflowServer {
  if (!server) ctx.skip(`no MLflow server: ${skipReason}`);
  return server!;
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${server!.uri}${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

interface RunJson {
  run: {
    info: { status: string; artifact_uri: string };
    data: {
      params?: Array<{ key: string; value: string }>;
      tags?: Array<{ key: string; value: string }>;
      metrics?: Array<{ key: string; value: number }>;
    };
  };
}

async function history(runId: string, key: string): Promise<Array<[number, number]>> {
  const res = await api<{ metrics?: Array<{ step: string | number; value: number }> }>(
    `/api/2.0/mlflow/metrics/get-history?run_id=${runId}&metric_key=${encodeURIComponent(key)}`,
  );
  return (res.metrics ?? []).map((m) => [Number(m.step), m.value] as [number, number]).sort((a, b) => a[0] - b[0]);
}

function workDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlflow-work-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('MlflowTracker against a real MLflow server', () => {
  it('logs numeric leaves as metrics, with the step of a curve or else the iteration', async (ctx) => {
    const { uri } = needServer(ctx);
    const tracker = await createMlflowTracker(
      { trackingUri: uri, artifacts: [] },
      { projectName: 'metrics-test', experimentName: 'run-a' },
    );
    for (const [step, loss] of [
      [0, 2.5],
      [10, 1.25],
      [20, 0.75],
    ] as const)
      tracker.watch(loss, 'train_model.loss', { ...scope, step });
    tracker.watch({ text_len: { mean: 3267.62, '25%': 1172.75 }, lang: { top: 'en' } }, 'probe', {
      ...scope,
      job: 'probe',
    });
    tracker.watch({ accuracy: 0.81 }, 'eval_model', { ...scope, iteration: 2, job: 'eval_model' });
    await tracker.close();
    const { run_id } = await tracker.runInfo();
    expect(await history(run_id, 'train_model.loss')).toEqual([
      [0, 2.5],
      [10, 1.25],
      [20, 0.75],
    ]);
    expect(await history(run_id, 'probe.text_len.25pct')).toEqual([[1, 1172.75]]);
    expect(await history(run_id, 'eval_model.accuracy')).toEqual([[2, 0.81]]);
    const { run } = await api<RunJson>(`/api/2.0/mlflow/runs/get?run_id=${run_id}`);
    expect(run.info.status).toBe('FINISHED');
    // A string leaf is no metric; it stays queryable in memory.
    expect(run.data.metrics?.some((m) => m.key.startsWith('probe.lang'))).toBe(false);
    expect(tracker.query('probe.lang.top')).toBe('en');
  });

  it('logs the config as params once, and keeps a changed value as a tag', async (ctx) => {
    const { uri } = needServer(ctx);
    const tracker = await createMlflowTracker(
      { trackingUri: uri, artifacts: [], tags: { team: 'data' } },
      { projectName: 'params-test' },
    );
    tracker.watchConfig({ np: 4, project_name: 'demo', process: [{ text_length_filter: { min_len: 10 } }] }, 'sandbox');
    tracker.watchConfig({ np: 8, project_name: 'demo' }, 'sandbox');
    tracker.setStatus('FAILED');
    await tracker.close();
    const { run_id } = await tracker.runInfo();
    const { run } = await api<RunJson>(`/api/2.0/mlflow/runs/get?run_id=${run_id}`);
    const params = Object.fromEntries((run.data.params ?? []).map((p) => [p.key, p.value]));
    expect(params).toEqual({
      'sandbox.np': '4',
      'sandbox.project_name': 'demo',
      'sandbox.process': '[{"text_length_filter":{"min_len":10}}]',
    });
    const tags = Object.fromEntries((run.data.tags ?? []).map((t) => [t.key, t.value]));
    expect(tags).toMatchObject({ 'dj.updated.sandbox.np': '8', team: 'data', 'mlflow.runName': 'sandbox' });
    expect(run.info.status).toBe('FAILED');
  });

  it('uploads work-dir files through the mlflow-artifacts proxy', async (ctx) => {
    const { uri } = needServer(ctx);
    const dir = workDir({ 'context_infos.json': '[{"iter": 1}]', 'tracker/metrics.jsonl': '{"key":"a","value":1}\n' });
    const tracker = await createMlflowTracker(
      { trackingUri: uri, experimentName: 'proxied', artifactLocation: 'mlflow-artifacts:/proxied' },
      { workDir: dir },
    );
    await tracker.close();
    const { run_id, artifact_uri } = await tracker.runInfo();
    expect(artifact_uri.startsWith('mlflow-artifacts:/proxied/')).toBe(true);
    const top = await api<{ files: Array<{ path: string }> }>(`/api/2.0/mlflow/artifacts/list?run_id=${run_id}`);
    expect(top.files.map((f) => f.path).sort()).toEqual(['context_infos.json', 'tracker']);
    const root = artifact_uri.replace('mlflow-artifacts:', '');
    const back = await fetch(`${uri}/api/2.0/mlflow-artifacts/artifacts${root}/tracker/metrics.jsonl`);
    expect(await back.text()).toBe('{"key":"a","value":1}\n');
  });

  it('copies artifacts into a local artifact store when the server does not proxy them', async (ctx) => {
    const { uri } = needServer(ctx);
    const dir = workDir({ 'context_infos.json': '[]' });
    const tracker = await createMlflowTracker({ trackingUri: uri, experimentName: 'local-store' }, { workDir: dir });
    await tracker.close();
    const { run_id, artifact_uri } = await tracker.runInfo();
    expect(readFileSync(join(artifact_uri, 'context_infos.json'), 'utf8')).toBe('[]');
    const listed = await api<{ files: Array<{ path: string }> }>(`/api/2.0/mlflow/artifacts/list?run_id=${run_id}`);
    expect(listed.files.map((f) => f.path)).toEqual(['context_infos.json']);
  });

  it('is provided by the plugin as a per-run service named after the run', async (ctx) => {
    const { uri } = needServer(ctx);
    const registry = new PluginRegistry();
    await registry.add(plugin, { trackingUri: uri, artifacts: [] });
    const dir = workDir({});
    const container = new RunContainer(
      [
        [
          runInfoRef,
          {
            workDir: dir,
            cwd: dir,
            projectName: 'svc-project',
            experimentName: 'svc-run',
            signal: new AbortController().signal,
          },
        ],
        [loggerRef, silentLogger],
      ],
      registry.services.values(),
    );
    const tracker = container.resolve(mlflowTrackerRef) as MlflowTracker;
    tracker.watch(0.5, 'score', scope);
    await container.dispose();
    const { run_id, experiment_id } = await tracker.runInfo();
    const exp = await api<{ experiment: { name: string } }>(
      `/api/2.0/mlflow/experiments/get?experiment_id=${experiment_id}`,
    );
    expect(exp.experiment.name).toBe('svc-project');
    const { run } = await api<RunJson>(`/api/2.0/mlflow/runs/get?run_id=${run_id}`);
    expect(run.data.metrics?.find((m) => m.key === 'score')?.value).toBe(0.5);
    expect(run.info.status).toBe('FINISHED');
  });
});

describe('MlflowTracker without a server', () => {
  it('keeps answering queries and rejects on close with the address it could not reach', async () => {
    const t = new MlflowTracker({
      trackingUri: 'http://127.0.0.1:9',
      experimentName: 'x',
      runName: 'y',
      tags: {},
      artifacts: [],
      workDir: null,
      flushEvery: 10,
      requestTimeoutMs: 2000,
    });
    t.watch({ accuracy: 0.7 }, 'eval', scope);
    expect(t.query('eval.accuracy')).toBe(0.7);
    await expect(t.close()).rejects.toMatchObject({
      code: 'mlflow-tracking-failed',
      message: expect.stringContaining('the MLflow server at http://127.0.0.1:9 did not answer'),
    });
  });

  it('fails before any job runs when createMlflowTracker cannot create the run', async () => {
    await expect(
      createMlflowTracker({ trackingUri: 'http://127.0.0.1:9', requestTimeoutMs: 2000 }),
    ).rejects.toMatchObject({
      code: 'mlflow-unreachable',
      data: { path: 'plugins[tracker-mlflow].trackingUri' },
    });
  });
});
