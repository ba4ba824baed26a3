// Creates (or finds) the Data-Juicer engine's Python env and prints what it cost, as JSON. CI runs it before the
// tests so that a test never pays for the install.
import { ensurePythonEnv } from '@dj-sandbox/env-manager';
import { engineEnvSpec } from '../src/engine-env.ts';

const started = performance.now();
const env = await ensurePythonEnv(engineEnvSpec(), { onLine: (line) => console.error(line) });
console.log(JSON.stringify({ env: env.prefix, seconds: (performance.now() - started) / 1000 }));
