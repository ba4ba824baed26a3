import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AnyOperatorDefinition, type OperatorInstanceByKind, silentLogger } from '@dj-sandbox/core';

/** The folder of the reference videos (Data-Juicer's test media). */
export const MEDIA_DIR = fileURLToPath(new URL('../__fixtures__/media/', import.meta.url));

/** Absolute path of a fixture video. */
export const media = (name: string): string => `${MEDIA_DIR}${name}`;

/** A produced path as the goldens write it: the basename with the hash replaced. */
export const shape = (path: string): string =>
  path
    .split('/')
    .pop()!
    .replace(/__dj_hash_#.*?#/, '__dj_hash_#<hash>#');

/** The Data-Juicer goldens written by scripts/goldens.py. */
export interface Goldens {
  filters: Array<{
    op: string;
    params: Record<string, unknown>;
    rows: Array<{ videos: string[]; stats: Record<string, number[]>; keep: boolean }>;
  }>;
  video_split_by_duration_mapper: Array<{
    params: Record<string, unknown>;
    videos: string[];
    text: string;
    rows: Array<{
      text: string;
      videos: string[];
      clips: Array<{ duration: number; width: number; height: number }>;
      source_file: string[];
      [field: string]: unknown;
    }>;
  }>;
  video_resize_resolution_mapper: Array<{
    params: Record<string, unknown>;
    rows: Array<{ video: string; output: string; width: number; height: number; source_file: string[] }>;
  }>;
}

/** The checked-in goldens. */
export const goldens = JSON.parse(
  readFileSync(new URL('../__fixtures__/dj-goldens.json', import.meta.url), 'utf8'),
) as Goldens;

/** Validates raw params through the op's schema, as the data engine does, and creates the op. */
export async function createOp<K extends keyof OperatorInstanceByKind>(
  op: AnyOperatorDefinition,
  raw: Record<string, unknown> = {},
  datasetDir?: string,
): Promise<OperatorInstanceByKind[K]> {
  const result = await op.params['~standard'].validate(raw);
  if (result.issues) throw new Error(`invalid params: ${result.issues.map((i) => i.message).join('; ')}`);
  const env = { workDir: '/tmp', logger: silentLogger, ...(datasetDir ? { datasetDir } : {}) };
  return (await op.create(result.value, env)) as OperatorInstanceByKind[K];
}
