/** Where a problem sits in a config file, when it is known. */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
}

/** Structured data every dj-sandbox error carries; the CLI renders it, library code never prints. */
export interface ErrorData {
  /** Config path of the problem, e.g. `pipelines[0].probe_job_configs[1].hook`. */
  path?: string;
  /** What was expected there. */
  expected?: string;
  /** What was found instead. */
  received?: unknown;
  /** How to fix it. */
  fix?: string;
  /** The plugin to blame, if any. */
  plugin?: string;
  /** The job (meta_name) to blame, if any. */
  job?: string;
  /** The pipeline the job belongs to. */
  pipeline?: string;
  location?: SourceLocation;
  [key: string]: unknown;
}

/** Kinds of failure; each maps to an exit code in the CLI. */
export type ErrorCategory = 'config' | 'usage' | 'plugin' | 'job' | 'environment' | 'internal';

/**
 * The base error of dj-sandbox: a stable `code`, a category, a message built from the data, and the data itself
 * so that the CLI (or a caller embedding the core) can render it however it likes.
 */
export class DjSandboxError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly data: ErrorData;

  constructor(
    code: string,
    category: ErrorCategory,
    message: string,
    data: ErrorData = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DjSandboxError';
    this.code = code;
    this.category = category;
    this.data = data;
  }
}

/** True for any dj-sandbox error, checked by brand (name and code), not by `instanceof`. */
export function isDjSandboxError(value: unknown): value is DjSandboxError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'DjSandboxError' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

/** Formats a value for an error message: short, JSON-like, never `[object Object]`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  // JSON would print these as null, which hides what was written (`1e400` is Infinity)
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(value);
  }
}

/** Builds the standard one-line message: `<file:line:col> <path>: <summary> Expected <x>, received <y>. <fix>`. */
export function formatProblem(summary: string, data: ErrorData): string {
  const loc = data.location;
  let message = '';
  if (loc?.file) message += `${loc.file}${loc.line ? `:${loc.line}:${loc.column ?? 1}` : ''} `;
  if (data.path) message += `${data.path}: `;
  message += summary;
  const hasReceived = Object.hasOwn(data, 'received');
  if (data.expected) message += ` Expected ${data.expected}`;
  if (hasReceived) message += `${data.expected ? ', received' : ' Received'} ${describeValue(data.received)}`;
  if (data.expected || hasReceived) message += '.';
  if (data.fix) message += ` ${data.fix}`;
  return message;
}
