import type { JobRecord, PoolLineage, PoolNode } from '../model/report-model.ts';
import type { PathBase } from './path-base.ts';
import { isRecord, num, type Problems, readJsonFile, str } from './read-files.ts';
import { collectExportDirs, findFiles } from './walk.ts';

const SIDECAR = '.meta.json';

function poolNode(file: string, sidecar: Record<string, unknown>, paths: PathBase): PoolNode {
  const pool = str(sidecar.pool) ?? file.slice(0, -SIDECAR.length);
  const parents = Array.isArray(sidecar.parents) ? sidecar.parents.filter((p) => typeof p === 'string') : [];
  return {
    id: paths.display(pool),
    operation: str(sidecar.operation),
    params: isRecord(sidecar.params) ? sidecar.params : {},
    samples: num(sidecar.samples),
    stats: isRecord(sidecar.stats) ? sidecar.stats : {},
    producer: str(sidecar.producer),
    parents: parents.map((p) => paths.display(p)),
    job: null,
  };
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (isRecord(value)) for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Which job named each output path last, keyed like pool nodes. */
function jobsByOutput(jobs: JobRecord[], paths: PathBase): Map<string, string> {
  const out = new Map<string, string>();
  for (const job of jobs) {
    for (const p of strings(job.outputs)) out.set(paths.display(p), `${job.pipeline} › ${job.metaName ?? job.hook}`);
  }
  return out;
}

/** Builds the data-pool lineage from every `<pool>.meta.json` under the work dir and the config's export folders. */
export function readLineage(
  workDir: string,
  jobs: JobRecord[],
  config: Record<string, unknown> | null,
  paths: PathBase,
  problems: Problems,
): PoolLineage {
  const files = new Set<string>();
  for (const root of [workDir, ...collectExportDirs(config, paths)]) {
    for (const f of findFiles(root, SIDECAR, 6)) files.add(f);
  }
  const nodes = new Map<string, PoolNode>();
  for (const file of [...files].sort()) {
    const sidecar = readJsonFile(file, problems);
    if (!isRecord(sidecar)) continue;
    const node = poolNode(file, sidecar, paths);
    nodes.set(node.id, node);
  }
  for (const node of [...nodes.values()]) {
    for (const parent of node.parents) {
      if (!nodes.has(parent)) {
        nodes.set(parent, {
          id: parent,
          operation: null,
          params: {},
          samples: null,
          stats: {},
          producer: null,
          parents: [],
          job: null,
        });
      }
    }
  }
  const producers = jobsByOutput(jobs, paths);
  for (const node of nodes.values()) node.job = producers.get(node.id) ?? null;
  const all = [...nodes.values()];
  return { nodes: all, roots: all.filter((n) => n.parents.length === 0).map((n) => n.id) };
}
