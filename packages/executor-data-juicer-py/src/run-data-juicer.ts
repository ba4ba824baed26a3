import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { type ComponentEnv, type ConfigTree, jobError, pythonEnvsRef, runInfoRef } from '@dj-sandbox/core';
import { stringify } from 'yaml';
import { type DataJuicerPyOptions, engineEnvSpec } from './engine-env.ts';
import { gatherRayExport } from './gather-ray-export.ts';
import { type OperatorDone, parseOperatorDone, parseResultLine, parseSamplesIn } from './log-lines.ts';
import { SkippedErrors } from './op-errors.ts';

/** Where the Python runner script is (shipped in the package). */
export const RUNNER = new URL('../python/run_data_juicer.py', import.meta.url).pathname;

/** What one Data-Juicer run reports back. */
export interface DataJuicerRunResult {
  /** The final export path (absolute). */
  readonly exportPath: string;
  /** Every file moved into place, in name order. */
  readonly files: string[];
  readonly samplesIn: number;
  readonly samplesOut: number;
  readonly ops: OperatorDone[];
  /** The runner's own result (analysis dir, Data-Juicer's work dir). */
  readonly result: Record<string, unknown>;
  /** The full log of the run. */
  readonly logFile: string;
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
}

/**
 * Runs a recipe with the real Data-Juicer in the engine's environment (docs/data-engines.md). The recipe is written
 * to a YAML file beside the export, with `export_path` pointed at a temporary name in the same folder; every file
 * Data-Juicer writes under that name (dataset, shards, `_stats.jsonl`) is renamed to its final name only after the
 * run succeeded, so a killed or failed run leaves no partial output under the export name. Output streams live
 * into the log file, the progress bar and the operator table.
 */
export async function runDataJuicer(
  mode: 'process' | 'analyze',
  recipe: ConfigTree,
  env: ComponentEnv,
  options: DataJuicerPyOptions,
): Promise<DataJuicerRunResult> {
  const { cwd } = env.resolve(runInfoRef);
  const component = `[plugin:executor-data-juicer-py]${env.scope.metaName ? ` [job:${env.scope.metaName}]` : ''} ${mode}`;
  const { engine: _engine, ...djRecipe } = recipe;
  const written = String(djRecipe.export_path ?? './outputs/hello_world/hello_world.jsonl');
  const exportPath = isAbsolute(written) ? written : resolve(cwd, written);
  const dir = dirname(exportPath);
  const tmpPrefix = `.tmp-${process.pid}-`;
  const tmpExport = join(dir, `${tmpPrefix}${basename(exportPath)}`);
  const recipeFile = join(dir, `.dj-sandbox-recipe-${process.pid}-${mode}.yaml`);
  const logFile = join(env.workDir, 'logs', `data-juicer-${mode}-${stamp()}.log`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    recipeFile,
    stringify({ ...djRecipe, export_path: tmpExport, ...(djRecipe.work_dir ? {} : { work_dir: dir }) }),
  );
  const pythonEnv = await env.resolve(pythonEnvsRef).ensure(engineEnvSpec(options), {
    component,
    signal: env.signal,
  });
  const ops: OperatorDone[] = [];
  let samplesIn = 0;
  let result: Record<string, unknown> | undefined;
  const skipped = new SkippedErrors();
  const task = env.progress.start(`Data-Juicer ${mode}`, undefined, 'ops');
  try {
    await pythonEnv.run(['python', RUNNER, mode, recipeFile], {
      cwd,
      component,
      logFile,
      signal: env.signal,
      env: { PYTHONUNBUFFERED: '1' },
      onLine: (line) => {
        const done = parseOperatorDone(line);
        if (done) {
          ops.push(done);
          task.setTotal(done.total);
          task.tick();
          env.logger.info(
            `[${done.position}/${done.total}] OP [${done.name}] Done in ${done.seconds} s. Left ${done.samplesOut} samples.`,
          );
          return;
        }
        if (skipped.take(line)) return;
        samplesIn = parseSamplesIn(line) ?? samplesIn;
        result = parseResultLine(line) ?? result;
      },
    });
  } finally {
    task.done();
    rmSync(recipeFile, { force: true });
    // Data-Juicer drops a sample whose operator raised and goes on: say so, rather than lose data silently.
    for (const summary of skipped.summaries()) env.logger.warn(`${summary} (log: ${logFile})`);
  }
  if (!result) {
    throw jobError('data-juicer-no-result', `${component}: Data-Juicer exited without reporting a result.`, {
      plugin: 'executor-data-juicer-py',
      fix: `See ${logFile}.`,
    });
  }
  const files: string[] = [];
  let gatheredRows: number | undefined;
  if (mode === 'process' && statSync(tmpExport, { throwIfNoEntry: false })?.isDirectory()) {
    const stem = exportPath.replace(/\.[^./]+$/, '');
    const gathered = await gatherRayExport(tmpExport, exportPath, `${stem}_stats.jsonl`);
    files.push(...gathered.files);
    gatheredRows = gathered.rows;
  }
  for (const name of readdirSync(dir).sort()) {
    if (!name.startsWith(tmpPrefix)) continue;
    const final = join(dir, name.slice(tmpPrefix.length));
    renameSync(join(dir, name), final);
    files.push(final);
  }
  const samplesOut =
    gatheredRows ??
    (typeof result.samples_out === 'number' ? result.samples_out : (ops.at(-1)?.samplesOut ?? samplesIn));
  if (typeof result.samples_in === 'number') samplesIn = result.samples_in;
  return { exportPath, files, samplesIn, samplesOut, ops, result, logFile };
}
