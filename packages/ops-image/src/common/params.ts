import { z } from 'zod';

// Data-Juicer's common op parameters are declared once, in @dj-sandbox/media, for every operator plugin.
export { filterParams, opParams } from '@dj-sandbox/media';

/** `any_or_all`: keep a sample when any (or all) of its images pass; a sample without images always stays. */
export const anyOrAll = z
  .enum(['any', 'all'])
  .default('any')
  .describe("'any': keep the sample if any image passes; 'all': only if every image passes.");

/** Python's `sys.maxsize` (2^63 - 1, here its nearest double 2^63), Data-Juicer's "no upper bound" for integers. */
export const MAXSIZE = 2 ** 63;
