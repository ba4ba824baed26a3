import type { Logger } from '@dj-sandbox/core';

/**
 * The line handler for a runner script's output: `progress <done>/<total>` lines report progress through `onDone`,
 * every other line goes to the debug log (the model log file keeps them all).
 */
export function runnerLines(logger: Logger, onDone?: (done: number) => void): (line: string) => void {
  return (line) => {
    const progress = /^progress (\d+)\/\d+$/.exec(line);
    if (progress) onDone?.(Number(progress[1]));
    else logger.debug(line);
  };
}
