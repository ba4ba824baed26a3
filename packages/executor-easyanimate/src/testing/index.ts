import { fileURLToPath } from 'node:url';

/**
 * The folder of FAKE `git` and `accelerate` executables for tests: put it first on `PATH` and EasyAnimate's setup
 * and training run against them (they assert the arguments, print EasyAnimate's log lines and write its files).
 * The fake `infer_lora.py` copies the video named by `DJ_SANDBOX_FAKE_VIDEO` for each prompt.
 */
export const FAKE_EASYANIMATE_BIN = fileURLToPath(new URL('./fake-bin/', import.meta.url));
