import { DjSandboxError, type ErrorData, formatProblem } from './dj-sandbox-error.ts';

/** A problem in a config file or value: reported before anything runs (CLI exit code 2). */
export function configError(code: string, summary: string, data: ErrorData = {}): DjSandboxError {
  return new DjSandboxError(code, 'config', formatProblem(summary, data), data);
}

/** A plugin that cannot be loaded or is malformed (CLI exit code 2). */
export function pluginError(code: string, summary: string, data: ErrorData = {}, cause?: unknown): DjSandboxError {
  const blame = data.plugin ? `[plugin:${data.plugin}] ` : '';
  return new DjSandboxError(code, 'plugin', blame + formatProblem(summary, data), data, { cause });
}

/**
 * A job that failed while running (CLI exit code 1). The message blames the plugin and the job:
 * `[plugin:ops-text] [job:process_data] ...`.
 */
export function jobError(code: string, summary: string, data: ErrorData = {}, cause?: unknown): DjSandboxError {
  const blame = `${data.plugin ? `[plugin:${data.plugin}] ` : ''}${data.job !== undefined ? `[job:${data.job}] ` : ''}`;
  return new DjSandboxError(code, 'job', blame + formatProblem(summary, data), data, { cause });
}

/** Several config problems, reported together. */
export class ConfigProblems extends DjSandboxError {
  readonly problems: readonly DjSandboxError[];

  constructor(problems: readonly DjSandboxError[]) {
    super(
      'config-invalid',
      'config',
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the config:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`,
      { count: problems.length },
    );
    this.problems = problems;
  }
}
