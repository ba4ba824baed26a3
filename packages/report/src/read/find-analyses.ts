import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative } from 'node:path';
import type { AnalysisFigure, AnalysisRecord, JobRecord } from '../model/report-model.ts';
import { byCodePoint } from './compare.ts';
import { parseCsv } from './csv.ts';
import type { PathBase } from './path-base.ts';
import { isRecord, type Problems } from './read-files.ts';
import { collectExportDirs, walkDirs } from './walk.ts';

const FIGURE_TYPES: Record<string, string> = { '.png': 'image/png', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg' };
const KIND_ORDER = { hist: 0, box: 1, corr: 2, other: 3 } as const;

function figureKind(name: string): AnalysisFigure['kind'] {
  if (/-hist\.\w+$/.test(name)) return 'hist';
  if (/-box\.\w+$/.test(name)) return 'box';
  if (/corr/.test(name)) return 'corr';
  return 'other';
}

function isAnalysisDir(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  return readdirSync(dir).some((f) => f === 'overall.csv' || extname(f) in FIGURE_TYPES);
}

/** Every string in a job's outputs that names a dataset file. */
function datasetPaths(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/\.jsonl?$/.test(value)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) datasetPaths(v, out);
  else if (isRecord(value)) for (const v of Object.values(value)) datasetPaths(v, out);
  return out;
}

function readFigures(dir: string): AnalysisFigure[] {
  return readdirSync(dir)
    .filter((f) => extname(f).toLowerCase() in FIGURE_TYPES)
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      const mime = FIGURE_TYPES[extname(name).toLowerCase()]!;
      return {
        name,
        kind: figureKind(name),
        dataUri: `data:${mime};base64,${bytes.toString('base64')}`,
        bytes: bytes.length,
      };
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byCodePoint(a.name, b.name));
}

// An analysis folder sits next to many datasets (a probe and a later process job may export to the same folder),
// so an analyzer hook's claim wins over a mere neighbour's.
function producers(jobs: JobRecord[]): JobRecord[] {
  const analyzers = jobs.filter((j) => /Analy[sz]er/i.test(j.hook));
  return analyzers.length > 0 ? analyzers : jobs;
}

/**
 * Finds the analyzer's output folders of a run: next to every dataset a job output names, then by scanning the
 * work dir and the export folders of the config. Each folder is read once, in the order its producers ran.
 */
export function findAnalyses(
  workDir: string,
  jobs: JobRecord[],
  config: Record<string, unknown> | null,
  paths: PathBase,
  problems: Problems,
): AnalysisRecord[] {
  const claims = new Map<string, JobRecord[]>();
  for (const job of jobs) {
    for (const p of datasetPaths(job.outputs)) {
      const dir = join(dirname(paths.resolve(p)), 'analysis');
      if (!isAnalysisDir(dir)) continue;
      const list = claims.get(dir) ?? [];
      if (!list.includes(job)) list.push(job);
      claims.set(dir, list);
    }
  }
  const roots = [workDir, ...collectExportDirs(config, paths)];
  for (const root of roots) {
    for (const dir of walkDirs(root, 5)) {
      if (basename(dir) === 'analysis' && isAnalysisDir(dir) && !claims.has(dir)) claims.set(dir, []);
    }
  }
  const records: AnalysisRecord[] = [];
  const order = new Map<AnalysisRecord, number>();
  for (const [dir, claimants] of claims) {
    const by = producers(claimants);
    const last = by.at(-1);
    let overall: string[][] = [];
    try {
      const csv = join(dir, 'overall.csv');
      if (existsSync(csv)) overall = parseCsv(readFileSync(csv, 'utf8')).filter((r) => r.some((c) => c !== ''));
    } catch (error) {
      problems.push(`${dir}/overall.csv: ${(error as Error).message}`);
    }
    const rel = relative(workDir, dir);
    const record: AnalysisRecord = {
      dir: rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir,
      phase: !last ? 'unknown' : last.group === 'probe_job_configs' ? 'before' : 'after',
      producedBy: by.map((j) => ({ iteration: j.iteration, pipeline: j.pipeline, metaName: j.metaName, hook: j.hook })),
      overall,
      figures: readFigures(dir),
    };
    records.push(record);
    if (last) order.set(record, jobs.indexOf(last));
  }
  return records.sort((a, b) => (order.get(a) ?? jobs.length) - (order.get(b) ?? jobs.length));
}
