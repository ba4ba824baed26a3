import { fileURLToPath } from 'node:url';

/**
 * The folder of a FAKE feature extractor for tests: put it on `PATH` and set `DJ_SANDBOX_INCEPTION_EXTRACTOR` to
 * `fake-inception-features`. It asserts the extractor's arguments, reads the dataset's videos as the real extractor
 * does, and writes deterministic features (one row per video and clip, seeded by the video's path) in the real
 * extractor's file format, so the metric math runs on them.
 */
export const FAKE_INCEPTION_BIN = fileURLToPath(new URL('./fake-bin/', import.meta.url));
