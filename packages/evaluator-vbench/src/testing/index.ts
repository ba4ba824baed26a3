import { fileURLToPath } from 'node:url';

/**
 * The folder of a FAKE `vbench` executable for tests: put it first on `PATH`. It asserts the `vbench evaluate`
 * arguments, finds the `<prompt>-<i>.mp4` videos as VBench does, prints VBench's log lines and writes its
 * `<name>_full_info.json` and `<name>_eval_results.json`. The score is derived from the videos folder (so different
 * pools rank differently), or `DJ_SANDBOX_FAKE_VBENCH_SCORE` when set.
 */
export const FAKE_VBENCH_BIN = fileURLToPath(new URL('./fake-bin/', import.meta.url));
