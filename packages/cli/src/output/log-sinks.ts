import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type LogRecord, type LogSink, redactUrlCredentials } from '@dj-sandbox/core';
import pc from 'picocolors';

/** A sink writing one JSON line per record to a file under `<work_dir>/logs/`; returns the sink and the path. */
export function jsonLinesSink(workDir: string, name: string): { sink: LogSink; file: string } {
  const dir = join(workDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '');
  const file = join(dir, `${name}_time_${stamp}.jsonl`);
  return { sink: (record) => appendFileSync(file, `${redactUrlCredentials(JSON.stringify(record))}\n`), file };
}

const LEVEL_LABEL = {
  debug: pc.dim('debug'),
  info: pc.cyan('info '),
  warn: pc.yellow('warn '),
  error: pc.red('error'),
};

/** A sink for people: `HH:MM:SS level message`, on stderr. */
export function terminalSink(stream: NodeJS.WriteStream = process.stderr): LogSink {
  return (record: LogRecord) => {
    const time = record.time.slice(11, 19);
    stream.write(`${pc.dim(time)} ${LEVEL_LABEL[record.level]} ${redactUrlCredentials(record.message)}\n`);
  };
}
