import { type DjSandboxError, fileSystemError, isDjSandboxError, isSystemError } from '@dj-sandbox/core';
import pc from 'picocolors';

/** Exit codes: 0 success, 1 a job failed, 2 a config or usage problem. */
export const EXIT = { ok: 0, jobFailed: 1, config: 2 } as const;

/** The exit code for an error. */
export function exitCodeFor(error: unknown): number {
  const known = asKnownError(error);
  if (
    isDjSandboxError(known) &&
    (known.category === 'config' ||
      known.category === 'usage' ||
      known.category === 'plugin' ||
      known.category === 'environment')
  )
    return EXIT.config;
  // a job that failed because the disk is full is the machine's problem, not the job's
  for (let e: unknown = known, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++)
    if (isDjSandboxError(e) && e.category === 'environment') return EXIT.config;
  return EXIT.jobFailed;
}

/** A Node.js system error (a full disk, a folder that cannot be created) as the dj-sandbox error it stands for. */
function asKnownError(error: unknown): unknown {
  return isSystemError(error) && !isDjSandboxError(error)
    ? fileSystemError(error.path ?? '(unknown path)', error)
    : error;
}

/** Renders one error for the terminal: a red cross, the message, and the cause's message when there is one. */
export function renderError(raw: unknown, debug = false): string {
  const error = asKnownError(raw);
  const stack = debug && raw instanceof Error && raw.stack ? `\n${pc.dim(raw.stack)}` : '';
  if (!isDjSandboxError(error))
    return `${pc.red('✖')} ${error instanceof Error ? error.message : String(error)}${stack}${debug ? '' : `\n  ${pc.dim('run with --debug for the stack trace')}`}`;
  const problems = (error as DjSandboxError & { problems?: DjSandboxError[] }).problems;
  if (problems) {
    return [
      `${pc.red('✖')} ${problems.length} problem${problems.length === 1 ? '' : 's'} in the config:`,
      ...problems.map((p) => `  ${pc.red('•')} ${p.message}`),
    ].join('\n');
  }
  const cause =
    error.cause instanceof Error && !error.message.includes(error.cause.message)
      ? `\n  ${pc.dim(`cause: ${error.cause.message}`)}`
      : '';
  return `${pc.red('✖')} ${error.message}${cause}${stack}`;
}

/** Renders a list of problems (validation results). */
export function renderProblems(errors: readonly DjSandboxError[], warnings: readonly DjSandboxError[] = []): string {
  const lines: string[] = [];
  if (errors.length)
    lines.push(
      `${pc.red('✖')} ${errors.length} problem${errors.length === 1 ? '' : 's'}:`,
      ...errors.map((e) => `  ${pc.red('•')} ${e.message}`),
    );
  if (warnings.length)
    lines.push(
      `${pc.yellow('!')} ${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`,
      ...warnings.map((w) => `  ${pc.yellow('•')} ${w.message}`),
    );
  return lines.join('\n');
}
