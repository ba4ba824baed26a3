import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type LoadedPlugin,
  pythonJsonDumps,
  type RunEvent,
  redactSecrets,
  redactUrlCredentials,
  type SandboxConfig,
  writeFileAtomicSync,
} from '@dj-sandbox/core';

/** File names of a run's record inside `work_dir`, read by `dj-sandbox report`. */
export const RUN_RECORD = { manifest: 'run.json', events: 'events.jsonl' } as const;

/** What `run.json` holds: the config as run, the plugins that ran it, and how the run ended. */
export interface RunManifest {
  configFile?: string;
  config: Record<string, unknown>;
  plugins: Array<{ id: string; version: string; source?: string }>;
  startedAt: string;
  endedAt?: string;
  status: 'running' | 'finished' | 'failed';
  stopReason?: string;
  error?: string;
}

/**
 * Records a run for later reading: `run.json` (rewritten at start and end) and `events.jsonl` (one line per job
 * start, end, skip and failure, with timestamps), next to `context_infos.json`.
 */
export class RunRecorder {
  private readonly manifest: RunManifest;

  constructor(
    private readonly workDir: string,
    config: SandboxConfig,
    plugins: readonly LoadedPlugin[],
  ) {
    mkdirSync(workDir, { recursive: true });
    this.manifest = {
      ...(config.configFile ? { configFile: config.configFile } : {}),
      config: redactSecrets(config.raw),
      plugins: plugins.map((p) => ({ id: p.id, version: p.version, ...(p.source ? { source: p.source } : {}) })),
      startedAt: new Date().toISOString(),
      status: 'running',
    };
    this.write();
  }

  /** Appends a run event with the time it happened. */
  event(event: RunEvent): void {
    const { error, ...rest } = event as RunEvent & { error?: Error };
    const line = { time: new Date().toISOString(), ...rest, ...(error ? { error: error.message } : {}) };
    appendFileSync(join(this.workDir, RUN_RECORD.events), `${redactUrlCredentials(JSON.stringify(line))}\n`);
  }

  /** Marks the run finished or failed. */
  end(status: 'finished' | 'failed', detail: { stopReason?: string; error?: string } = {}): void {
    Object.assign(this.manifest, { status, endedAt: new Date().toISOString(), ...detail });
    this.write();
  }

  private write(): void {
    writeFileAtomicSync(join(this.workDir, RUN_RECORD.manifest), redactUrlCredentials(pythonJsonDumps(this.manifest)));
  }
}
