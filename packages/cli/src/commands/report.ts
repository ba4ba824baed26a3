import { resolve } from 'node:path';
import pc from 'picocolors';
import { EXIT } from '../output/render-error.ts';

/** `dj-sandbox report <work_dir> [--out f]`: the self-contained HTML report of a run (or a search). */
export async function reportCommand(
  workDir: string,
  options: { out?: string },
  cwd: string = process.cwd(),
): Promise<number> {
  const { writeReport } = await import('@dj-sandbox/report');
  const path = await writeReport({
    workDir: resolve(cwd, workDir),
    ...(options.out ? { out: resolve(cwd, options.out) } : {}),
  });
  process.stderr.write(`${pc.green('✔')} report: ${path}\n`);
  return EXIT.ok;
}

/** Writes the report at the end of a run; a report that cannot be written never fails the run. */
export async function writeRunReport(workDir: string, out: (line: string) => void): Promise<void> {
  try {
    const { writeReport } = await import('@dj-sandbox/report');
    out(`report: ${await writeReport({ workDir })}`);
  } catch (error) {
    out(pc.yellow(`! the report could not be written: ${error instanceof Error ? error.message : String(error)}`));
  }
}
