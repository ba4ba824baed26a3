import { DjSandboxError, type ErrorData, formatProblem } from './dj-sandbox-error.ts';

/** What a Node.js system error looks like: `code` such as `ENOSPC`, the `syscall`, and often the `path`. */
export interface SystemErrorLike {
  code: string;
  syscall?: string;
  path?: string;
  message: string;
}

const MEANINGS: Record<string, { what: string; fix: string }> = {
  ENOSPC: { what: 'no space left on device', fix: 'Free some space or point the output to a larger disk.' },
  EDQUOT: { what: 'disk quota exceeded', fix: 'Free some space or point the output to another disk.' },
  EACCES: { what: 'permission denied', fix: 'Choose a folder you may write to, or fix its permissions.' },
  EPERM: { what: 'operation not permitted', fix: 'Choose a folder you may write to, or fix its permissions.' },
  EROFS: { what: 'read-only file system', fix: 'Point the output to a writable folder.' },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', fix: 'Fix the path or move the file away.' },
  EEXIST: { what: 'a file is in the way', fix: 'Fix the path or move the file away.' },
  EISDIR: { what: 'the path is a folder, not a file', fix: 'Name a file, not a folder.' },
  ENOENT: { what: 'no such file or folder', fix: 'Check the path.' },
  EMFILE: { what: 'too many open files', fix: 'Raise the limit (ulimit -n) or lower np.' },
};

/** True for a Node.js system error (`ENOSPC`, `EACCES`, ...), the kind that file operations throw. */
export function isSystemError(value: unknown): value is SystemErrorLike {
  return (
    value instanceof Error &&
    typeof (value as { code?: unknown }).code === 'string' &&
    /^E[A-Z0-9]+$/.test((value as unknown as { code: string }).code)
  );
}

/**
 * A file operation that failed because of the machine, not the config or a job's logic (a full disk, a folder that
 * cannot be created): category `environment`, CLI exit code 2. Names the file, the errno meaning and a fix.
 */
export function fileSystemError(path: string, cause: SystemErrorLike, data: ErrorData = {}): DjSandboxError {
  const meaning = MEANINGS[cause.code];
  const summary = `cannot ${cause.syscall ?? 'write'} ${path}: ${meaning?.what ?? cause.message} (${cause.code}).`;
  const full: ErrorData = { ...data, received: cause.code, fix: data.fix ?? meaning?.fix ?? 'Check the path.' };
  return new DjSandboxError(`fs-${cause.code.toLowerCase()}`, 'environment', formatProblem(summary, full), full, {
    cause,
  });
}

/** A system error as a {@link fileSystemError} naming `path` (the final name, not a temporary one); anything else unchanged. */
export function asFileSystemError(path: string, error: unknown): unknown {
  return isSystemError(error) ? fileSystemError(path, error) : error;
}
