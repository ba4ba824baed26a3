import type { Sample } from '@dj-sandbox/core';

/**
 * A batch of samples flowing through the pipeline, with each sample's origin (see {@link OriginTable}) so that a
 * failing sample can be reported by its input file and line.
 */
export interface Batch {
  samples: Sample[];
  origins: number[];
}

/** Origin of a sample a mapper created from several inputs (no single input line). */
export const UNKNOWN_ORIGIN = -1;

const FILE_STRIDE = 2 ** 32;

/** Input files by id; an origin packs `fileId · 2^32 + line` into one number. */
export class OriginTable {
  readonly files: string[] = [];

  /** The id of `file`, registering it on first use. */
  fileId(file: string): number {
    const at = this.files.indexOf(file);
    if (at >= 0) return at;
    this.files.push(file);
    return this.files.length - 1;
  }

  /** Packs a file id and 1-based line number. */
  encode(fileId: number, line: number): number {
    return fileId * FILE_STRIDE + line;
  }

  /** `file:line` of an origin. */
  describe(origin: number): string {
    if (origin < 0) return 'a sample created by an earlier mapper';
    const file = this.files[Math.floor(origin / FILE_STRIDE)] ?? '?';
    return `${file}:${origin % FILE_STRIDE}`;
  }
}
