/** A structured log record's extra fields. */
export type LogFields = Record<string, unknown>;

/** The logger every hook and component receives. Library code logs through it and never prints. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose records carry `fields` too (e.g. `{ job: 'train_model' }`). */
  child(fields: LogFields): Logger;
}

/** Log levels, lowest first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** One of the log levels. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One log record, as sinks receive it. */
export interface LogRecord extends LogFields {
  time: string;
  level: LogLevel;
  message: string;
}

/** Where log records go: a file, the terminal, a test's array. */
export type LogSink = (record: LogRecord) => void;

/** A logger that fans records out to sinks; `level` filters what reaches them. */
export function createLogger(sinks: LogSink[], level: LogLevel = 'info', fields: LogFields = {}): Logger {
  const min = LOG_LEVELS.indexOf(level);
  const emit = (lvl: LogLevel, message: string, extra?: LogFields): void => {
    if (LOG_LEVELS.indexOf(lvl) < min) return;
    const record: LogRecord = { time: new Date().toISOString(), level: lvl, message, ...fields, ...extra };
    for (const sink of sinks) sink(record);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (extra) => createLogger(sinks, level, { ...fields, ...extra }),
  };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger([]);
