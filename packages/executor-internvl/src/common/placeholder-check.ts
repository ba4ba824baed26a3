import {
  type ConfigTree,
  configError,
  isMapping,
  loadSideConfig,
  type PluginConfigCheck,
  pipelineJobs,
} from '@dj-sandbox/core';

/** The placeholder the reference's InternVL configs ship with, to be replaced by the path of an InternVL clone. */
export const INTERNVL_HOME_PLACEHOLDER = '<internvl_home>';

function sectionTree(value: ConfigTree | string | null, configPath: string, cwd: string): ConfigTree | undefined {
  if (isMapping(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    return loadSideConfig(value, configPath, cwd);
  } catch {
    return undefined; // a file an earlier job writes: its values are checked when the job runs
  }
}

function collect(value: unknown, path: string, skip: (path: string) => boolean, hits: string[]): void {
  if (skip(path)) return;
  if (typeof value === 'string') {
    if (value.includes(INTERNVL_HOME_PLACEHOLDER)) hits.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) collect(v, `${path}[${i}]`, skip, hits);
  } else if (isMapping(value)) {
    for (const [k, v] of Object.entries(value)) collect(v, `${path}.${k}`, skip, hits);
  }
}

/**
 * One config problem for every value that still holds `<internvl_home>` (in `extra_configs` and `dj_configs`,
 * inline or in the files they name), skipping the keys that `input` or `local` replace before the job runs. The
 * reference configs ship with that placeholder in some 30 places; one message with the first few and the fix
 * says it better than thirty.
 */
export const internvlHomePlaceholderCheck: PluginConfigCheck = ({ config, cwd }) => {
  const hits: string[] = [];
  for (const pipeline of config.pipelines) {
    for (const { job } of pipelineJobs(pipeline)) {
      const replaced = new Set([...Object.keys(job.input), ...Object.keys(job.local)]);
      for (const section of ['extra_configs', 'dj_configs'] as const) {
        const tree = sectionTree(job[section], `${job.configPath}.${section}`, cwd);
        if (!tree) continue;
        const prefix = `${job.configPath}.`;
        collect(tree, `${prefix}${section}`, (p) => replaced.has(p.slice(prefix.length)), hits);
      }
    }
  }
  if (hits.length === 0) return {};
  const shown = hits.slice(0, 3).join(', ');
  return {
    errors: [
      configError(
        'internvl-home-placeholder',
        `${hits.length} value(s) still hold the placeholder ${INTERNVL_HOME_PLACEHOLDER}.`,
        {
          path: hits[0],
          expected: 'the path of your InternVL clone in place of <internvl_home>',
          received: `${shown}${hits.length > 3 ? ` and ${hits.length - 3} more` : ''}`,
          fix: 'Replace every "<internvl_home>" in the config and in the files it names with the path of a clone of https://github.com/OpenGVLab/InternVL (as the config header says).',
        },
      ),
    ],
  };
};
