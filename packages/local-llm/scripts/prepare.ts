// Builds the local model server's environment and the tiny model ahead of the tests (CI runs this once; cached).
import { ensureLocalLlm } from '../src/index.ts';

const started = Date.now();
const built = await ensureLocalLlm({ onLine: (line) => console.log(line) });
console.log(JSON.stringify({ ...built, seconds: Math.round((Date.now() - started) / 1000) }));
