import {
  type ConfigTree,
  deepCopy,
  isMapping,
  loadSideConfig,
  pipelineJobs,
  pyDirname,
  pyJoin,
  type SandboxConfig,
} from '@dj-sandbox/core';

/**
 * `path` with the folder `dir` inserted before its file name (`out/res.jsonl` → `out/trial_3/res.jsonl`), or
 * appended to a folder path (`out/pool` → `out/pool/trial_3`), the way iterations insert `iter_<n>`.
 */
export function insertDir(path: string, dir: string): string {
  const stripped = path.replace(/[/\\]+$/, '');
  const base = stripped.slice(stripped.lastIndexOf('/') + 1);
  if (base.includes('.') && !base.startsWith('.')) return pyJoin(pyDirname(stripped), dir, base);
  return pyJoin(path, dir);
}

function isolate(tree: ConfigTree, dir: string): void {
  const value = tree.export_path;
  if (typeof value === 'string') tree.export_path = insertDir(value, dir);
  else if (Array.isArray(value)) tree.export_path = value.map((p) => (typeof p === 'string' ? insertDir(p, dir) : p));
}

/**
 * Gives a trial its own outputs: every `export_path` of every job's `dj_configs` and `extra_configs` gets the
 * trial's folder name (`trial_<n>`) inserted, so trials that run at once (`--parallel N`) never write, or read, each
 * other's files. A recipe given as a file is inlined for that. Edits `config` in place (a trial's own copy).
 */
export function isolateTrialOutputs(config: SandboxConfig, trialDirName: string, cwd: string): void {
  for (const pipeline of config.pipelines) {
    for (const { job } of pipelineJobs(pipeline)) {
      if (typeof job.dj_configs === 'string' && job.dj_configs !== '') {
        try {
          job.dj_configs = deepCopy(loadSideConfig(job.dj_configs, `${job.configPath}.dj_configs`, cwd));
        } catch {
          // a placeholder or a recipe an earlier job writes: its outputs are the engine's default, per iteration
        }
      }
      if (isMapping(job.dj_configs)) isolate(job.dj_configs, trialDirName);
      if (isMapping(job.extra_configs)) isolate(job.extra_configs, trialDirName);
    }
  }
}
