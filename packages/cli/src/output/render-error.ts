import { type DjSandboxError, isDjSandboxError } from '@dj-sandbox/core';
import pc from 'picocolors';

/** Exit codes: 0 success, 1 a job failed, 2 a config or usage problem. */
export const EXIT = { ok: 0, jobFailed: 1, config: 2 } as const;

/** The exit code for an error. */
export function exitCodeFor(error: unknown): number {
  if (
    isDjSandboxError(error) &&
    (error.category === 'config' || error.category === 'usage' || error.category === 'plugin')
  )
    return EXIT.config;
  return EXIT.jobFailed;
}

/** Renders one error for the terminal: a red cross, the message, and the cause's message when there is one. */
export function renderError(error: unknown): string {
  if (!isDjSandboxError(error))
    return `${pc.red('✖')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
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
  return `${pc.red('✖')} ${error.message}${cause}`;
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
