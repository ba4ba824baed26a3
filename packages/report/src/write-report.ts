import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildReport } from './build-report.ts';
import { renderReport } from './render/render-report.ts';

/** Where to write a report. */
export interface WriteReportOptions {
  /** The run's work dir. */
  workDir: string;
  /** The HTML file to write; `<work_dir>/report.html` by default. */
  out?: string;
}

/**
 * Builds the report of a work dir and writes it as one self-contained HTML file; returns the file's path. The file
 * is written to a temporary name and renamed, so a reader never sees half a report.
 *
 * @example
 * const html = await writeReport({ workDir: './outputs/demo' }); // ./outputs/demo/report.html
 */
export async function writeReport(options: WriteReportOptions): Promise<string> {
  const model = await buildReport(options.workDir);
  const out = resolve(options.out ?? join(model.workDir, 'report.html'));
  await mkdir(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  await writeFile(tmp, renderReport(model));
  await rename(tmp, out);
  return out;
}
