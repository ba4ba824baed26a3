import { spawn, spawnSync } from 'node:child_process';
import { pluginError } from '@dj-sandbox/core';

/** The two FFmpeg programs the media operators call. */
export type FfmpegTool = 'ffprobe' | 'ffmpeg';

/** Environment variables that point at a specific binary instead of the one on `PATH`. */
export const TOOL_ENV: Readonly<Record<FfmpegTool, string>> = {
  ffprobe: 'DJ_SANDBOX_FFPROBE',
  ffmpeg: 'DJ_SANDBOX_FFMPEG',
};

/** The executable run for `tool`: its override variable when set, else the bare name looked up on `PATH`. */
export function toolPath(tool: FfmpegTool): string {
  return process.env[TOOL_ENV[tool]] || tool;
}

/** What a finished tool run printed. */
export interface ToolOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runTool}. */
export interface RunToolOptions {
  /** Who calls it, for error messages (e.g. `ops-video`). */
  readonly plugin: string;
  readonly signal?: AbortSignal;
}

/** The error for a binary that cannot be started, naming it and how to install it. */
export function missingToolError(tool: FfmpegTool, plugin: string, cause?: unknown) {
  return pluginError(
    'ffmpeg-missing',
    `${tool} was not found: the ${plugin} operators run ${tool} as a child process`,
    {
      plugin,
      expected: `an executable '${toolPath(tool)}' on PATH`,
      received: 'no such file',
      fix: `install FFmpeg (Debian/Ubuntu: apt-get install -y ffmpeg; macOS: brew install ffmpeg), or set ${TOOL_ENV[tool]} to the ${tool} binary`,
    },
    cause,
  );
}

/**
 * Runs `tool` with an argument array (never a shell string) and resolves with its output; a missing binary or a
 * non-zero exit rejects with an error naming the binary, the arguments and what it printed.
 */
export function runTool(tool: FfmpegTool, args: readonly string[], options: RunToolOptions): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(toolPath(tool), args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? missingToolError(tool, options.plugin, error) : error);
    });
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) {
        resolve({ stdout, stderr });
        return;
      }
      reject(
        pluginError('ffmpeg-failed', `${tool} exited with code ${code}`, {
          plugin: options.plugin,
          expected: 'exit code 0',
          received: stderr.trim().split('\n').slice(-5).join('\n') || `exit code ${code}`,
          fix: `check the media file; the command was: ${toolPath(tool)} ${args.join(' ')}`,
        }),
      );
    });
  });
}

/** Whether `tool` can be started (for tests that skip, with a message, where FFmpeg is genuinely not installed). */
export function toolAvailable(tool: FfmpegTool): boolean {
  return spawnSync(toolPath(tool), ['-version'], { stdio: 'ignore' }).status === 0;
}

/** Null when ffprobe and ffmpeg both start; otherwise why not, for a skipped test's name. */
export function ffmpegMissingReason(): string | null {
  return toolAvailable('ffprobe') && toolAvailable('ffmpeg')
    ? null
    : `ffprobe/ffmpeg not on PATH (apt-get install -y ffmpeg, or set ${TOOL_ENV.ffprobe} and ${TOOL_ENV.ffmpeg})`;
}
