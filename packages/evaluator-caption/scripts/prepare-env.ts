/**
 * Creates (or finds) the cached uv environment with pycocoevalcap that `caption_metrics` uses for METEOR and the
 * equivalence tests use as the reference, through env-manager, so that CI pays for its install before the tests.
 * Usage: pnpm --filter @dj-sandbox/evaluator-caption prepare-env
 */
import { testPythonEnv } from '@dj-sandbox/env-manager/testing';
import { PYCOCOEVALCAP_REQUIREMENT } from '../src/metrics/meteor.ts';

const env = await testPythonEnv('pycocoevalcap', [PYCOCOEVALCAP_REQUIREMENT]);
console.log(JSON.stringify({ env: env.prefix, python: env.python }));
