import { configError } from '../errors/errors.ts';
import { OrderedEntries } from './ordered-entries.ts';

/** One job's recorded outputs (the reference's `JobInfos`). */
export interface JobInfos {
  metaName: string | null;
  outputKeys: string[];
  outputs: unknown[];
}

/** One pipeline's jobs within an iteration. */
export interface PipelineInfos {
  name: string;
  jobs: JobInfos[];
}

/** The reference's `context_infos.json` entry for one iteration. */
export interface ContextInfosJson {
  iter: number;
  pipeline_infos: Array<{ pipeline_name: string; job_infos: Array<Record<string, unknown>> }>;
}

/**
 * Every job's recorded outputs for one iteration, with the reference's lookup rules (docs/config.md#context-infos):
 * `<pipeline>.<meta_name>.<output key>` (first job with that meta_name wins, the output key is matched whole) and
 * `-1.<output key>` (the latest recorded job of the current iteration).
 */
export class ContextInfos {
  readonly iter: number;
  readonly pipelines: PipelineInfos[];

  constructor(iter: number, pipelines: PipelineInfos[] = []) {
    this.iter = iter;
    this.pipelines = pipelines;
  }

  /** The record of a pipeline, if it has started in this iteration. */
  pipeline(name: string): PipelineInfos | undefined {
    return this.pipelines.find((p) => p.name === name);
  }

  /** Starts a pipeline's record; a name seen twice in one iteration is an error, as in the reference. */
  startPipeline(name: string): PipelineInfos {
    if (this.pipeline(name)) {
      throw configError(
        'pipeline-duplicate',
        `there are different pipelines with the same name ${JSON.stringify(name)}.`,
        {
          path: 'pipelines',
          fix: 'Give every pipeline a unique name.',
        },
      );
    }
    const record: PipelineInfos = { name, jobs: [] };
    this.pipelines.push(record);
    return record;
  }

  /** The latest recorded job of this iteration, searching pipelines from the last one back. */
  lastJob(): JobInfos | undefined {
    for (let i = this.pipelines.length - 1; i >= 0; i--) {
      const jobs = this.pipelines[i]!.jobs;
      if (jobs.length > 0) return jobs[jobs.length - 1];
    }
    return undefined;
  }

  /**
   * Looks up `<pipeline>.<meta_name>.<output key>`. Returns `{ found: false }` when any part is missing (the
   * reference returns null; callers decide whether to warn).
   */
  lookup(key: string): { found: true; value: unknown } | { found: false; missing: string } {
    const [pipelineName, rest] = splitFirst(key);
    const pipeline = this.pipeline(pipelineName);
    if (!pipeline) return { found: false, missing: `pipeline ${JSON.stringify(pipelineName)}` };
    if (rest === undefined) return { found: false, missing: 'a meta_name and an output key' };
    const [metaName, outputKey] = splitFirst(rest);
    const job = pipeline.jobs.find((j) => j.metaName === metaName);
    if (!job)
      return { found: false, missing: `job ${JSON.stringify(metaName)} in pipeline ${JSON.stringify(pipelineName)}` };
    if (outputKey === undefined) return { found: false, missing: 'an output key' };
    return outputOf(job, outputKey);
  }

  /** Looks up `-1.<output key>` in the latest recorded job. */
  lookupLast(outputKey: string): { found: true; value: unknown } | { found: false; missing: string } {
    const job = this.lastJob();
    if (!job) return { found: false, missing: 'any recorded job in this iteration' };
    return outputOf(job, outputKey);
  }

  /** The reference's JSON form of this iteration. */
  toJSON(): ContextInfosJson {
    return {
      iter: this.iter,
      pipeline_infos: this.pipelines.map((p) => ({
        pipeline_name: p.name,
        job_infos: p.jobs.map((job) => {
          const out: Record<string, unknown> = { meta_name: job.metaName };
          job.outputKeys.forEach((k, i) => {
            out[k] = job.outputs[i];
          });
          return out;
        }),
      })),
    };
  }

  /** The same as {@link toJSON}, with each job's keys kept in the reference's order (`meta_name` first). */
  toOrderedJSON(): unknown {
    return {
      iter: this.iter,
      pipeline_infos: this.pipelines.map((p) => ({
        pipeline_name: p.name,
        job_infos: p.jobs.map(
          (job) =>
            new OrderedEntries([
              ['meta_name', job.metaName],
              ...job.outputKeys.map((k, i) => [k, job.outputs[i]] as const),
            ]),
        ),
      })),
    };
  }

  /** Reads one iteration from the reference's JSON form: every key but `meta_name` is an output, in file order. */
  static fromJSON(json: ContextInfosJson): ContextInfos {
    return new ContextInfos(
      json.iter,
      (json.pipeline_infos ?? []).map((p) => ({
        name: p.pipeline_name,
        jobs: (p.job_infos ?? []).map((j) => {
          const keys = Object.keys(j).filter((k) => k !== 'meta_name');
          return { metaName: (j.meta_name as string | null) ?? null, outputKeys: keys, outputs: keys.map((k) => j[k]) };
        }),
      })),
    );
  }
}

function splitFirst(key: string): [string, string | undefined] {
  const dot = key.indexOf('.');
  return dot < 0 ? [key, undefined] : [key.slice(0, dot), key.slice(dot + 1)];
}

function outputOf(job: JobInfos, key: string): { found: true; value: unknown } | { found: false; missing: string } {
  const index = job.outputKeys.indexOf(key);
  if (index < 0) {
    return {
      found: false,
      missing: `output ${JSON.stringify(key)} of job ${JSON.stringify(job.metaName)} (it has ${JSON.stringify(job.outputKeys)})`,
    };
  }
  return { found: true, value: job.outputs[index] };
}
