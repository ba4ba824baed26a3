import { jobError } from '@dj-sandbox/core';

/** A metric as MLflow's REST API takes it. */
export interface MlflowMetric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

/** A param or tag. */
export interface MlflowKeyValue {
  key: string;
  value: string;
}

/** The run fields this plugin reads. */
export interface MlflowRunInfo {
  run_id: string;
  experiment_id: string;
  artifact_uri: string;
  status: string;
}

/**
 * A small client for MLflow's REST API (`/api/2.0/mlflow/...` and the `mlflow-artifacts` proxy) over `fetch`. Every
 * failure is a job error naming the endpoint, the HTTP status and MLflow's own message.
 */
export class MlflowClient {
  readonly base: string;

  constructor(
    trackingUri: string,
    private readonly timeoutMs = 30_000,
  ) {
    this.base = trackingUri.replace(/\/+$/, '');
  }

  private async request<T>(method: string, path: string, body?: unknown, raw?: Uint8Array): Promise<T> {
    const url = `${this.base}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { 'content-type': raw ? 'application/octet-stream' : 'application/json' },
        ...(raw ? { body: raw } : body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw jobError(
        'mlflow-unreachable',
        `the MLflow server at ${this.base} did not answer ${method} ${path}.`,
        {
          plugin: 'tracker-mlflow',
          path: 'plugins[tracker-mlflow].trackingUri',
          expected: 'a running MLflow tracking server',
          received: (error as Error).message,
          fix: 'Start it (mlflow server --host 127.0.0.1 --port 5000) or set trackingUri / MLFLOW_TRACKING_URI.',
        },
        error,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      let detail = text.slice(0, 500);
      try {
        const parsed = JSON.parse(text) as { error_code?: string; message?: string };
        if (parsed.message) detail = `${parsed.error_code ?? ''} ${parsed.message}`.trim();
      } catch {
        // not JSON: keep MLflow's text as it is
      }
      throw jobError('mlflow-request', `MLflow refused ${method} ${path} (HTTP ${response.status}).`, {
        plugin: 'tracker-mlflow',
        path: 'plugins[tracker-mlflow]',
        expected: 'a 2xx answer',
        received: detail,
        fix: 'Check the MLflow server log; an unknown endpoint means the server is older than MLflow 2.',
        status: response.status,
      });
    }
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** The experiment's id, or `null` when none has this name. */
  async experimentId(name: string): Promise<string | null> {
    try {
      const res = await this.request<{ experiment: { experiment_id: string } }>(
        'GET',
        `/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`,
      );
      return res.experiment.experiment_id;
    } catch (error) {
      if ((error as { data?: { status?: number } }).data?.status === 404) return null;
      throw error;
    }
  }

  /** Creates an experiment and returns its id. */
  async createExperiment(name: string, artifactLocation?: string): Promise<string> {
    const res = await this.request<{ experiment_id: string }>('POST', '/api/2.0/mlflow/experiments/create', {
      name,
      ...(artifactLocation ? { artifact_location: artifactLocation } : {}),
    });
    return res.experiment_id;
  }

  /** Starts a run in an experiment. */
  async createRun(experimentId: string, runName: string, tags: MlflowKeyValue[]): Promise<MlflowRunInfo> {
    const res = await this.request<{ run: { info: MlflowRunInfo } }>('POST', '/api/2.0/mlflow/runs/create', {
      experiment_id: experimentId,
      run_name: runName,
      start_time: Date.now(),
      tags,
    });
    return res.run.info;
  }

  /** Sets a run's status (`FINISHED`, `FAILED`, `KILLED`) and end time. */
  async updateRun(runId: string, status: string): Promise<void> {
    await this.request('POST', '/api/2.0/mlflow/runs/update', { run_id: runId, status, end_time: Date.now() });
  }

  /** Logs metrics, params and tags in one request (the caller keeps within MLflow's batch limits). */
  async logBatch(
    runId: string,
    batch: { metrics?: MlflowMetric[]; params?: MlflowKeyValue[]; tags?: MlflowKeyValue[] },
  ) {
    await this.request('POST', '/api/2.0/mlflow/runs/log-batch', { run_id: runId, ...batch });
  }

  /** Uploads one file through the server's artifact proxy; `artifactPath` is relative to `mlflow-artifacts:/`. */
  async uploadArtifact(artifactPath: string, bytes: Uint8Array): Promise<void> {
    const path = artifactPath.split('/').filter(Boolean).map(encodeURIComponent).join('/');
    await this.request('PUT', `/api/2.0/mlflow-artifacts/artifacts/${path}`, undefined, bytes);
  }
}
