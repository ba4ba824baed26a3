import { parse as parseYaml } from 'yaml';

/**
 * Scalar global keys settable on the command line as `--<key> <value>` (the same as `DJ_SANDBOX_<KEY>`), except
 * those that have their own flags (`--work-dir`, `--resume`, `--debug`). Kept here, not imported from the config
 * package, so that `--help` loads nothing heavy.
 */
export const CLI_GLOBALS = [
  'project_name',
  'experiment_name',
  'max_iter_num',
  'iter_targets_mode',
  'max_iter_cap',
  'hpo_config',
];

/** The global keys given on the command line, with YAML scalar typing (`2` is a number, `null` is null). */
export function globalOverrides(options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of CLI_GLOBALS) {
    const text = options[key];
    if (typeof text === 'string') out[key] = parseYaml(text);
  }
  return out;
}
