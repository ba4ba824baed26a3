// Regenerates manifest/data-juicer-<version>.json from the pinned Data-Juicer's registry, in the engine's env.
import { fileURLToPath } from 'node:url';
import { ensurePythonEnv } from '@dj-sandbox/env-manager';
import { engineEnvSpec } from '../src/engine-env.ts';
import { MANIFEST_URL } from '../src/manifest.ts';

const env = await ensurePythonEnv(engineEnvSpec(), { onLine: (line) => console.error(line) });
const script = fileURLToPath(new URL('./gen_manifest.py', import.meta.url));
await env.run(['python', script, fileURLToPath(MANIFEST_URL)], { onLine: (line) => console.log(line) });
