import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const REQUIREMENTS = join(PACKAGE_DIR, 'python', 'requirements.txt');
const BUILD_SCRIPT = join(PACKAGE_DIR, 'python', 'build_tiny_llm.py');

/**
 * A Python script, for an env with torch and transformers, that loads {@link LocalLlm.hfModelDir} with Transformers
 * and prints (one JSON line) whether its chat prompt, token ids and logits match the JAX model's.
 */
export const HF_CHECK_SCRIPT = join(PACKAGE_DIR, 'python', 'check_hf_model.py');
const CORPUS = join(PACKAGE_DIR, 'corpus');

/** Where the environment and the model are cached: `$DJ_SANDBOX_CACHE` or `~/.cache/dj-sandbox`. */
export function cacheRoot(): string {
  return process.env.DJ_SANDBOX_CACHE ?? join(homedir(), '.cache', 'dj-sandbox');
}

function hashOf(...files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

/** Copies the llama-cpp-python wheel that uv built into `wheels` (once), so later envs install it as it is. */
async function keepBuiltWheel(wheels: string): Promise<void> {
  if (readdirSync(wheels).some((f) => f.startsWith('llama_cpp_python-'))) return;
  const uvCache = (await run('uv', ['cache', 'dir'])).stdout.trim();
  const built = join(uvCache, 'sdists-v11', 'pypi', 'llama-cpp-python');
  if (!existsSync(built)) return;
  for (const revision of readdirSync(built)) {
    const dir = join(built, revision);
    if (!statSync(dir).isDirectory()) continue;
    const wheel = readdirSync(dir).find((f) => f.startsWith('llama_cpp_python-') && f.endsWith('.whl'));
    if (wheel) {
      copyFileSync(join(dir, wheel), join(wheels, wheel));
      return;
    }
  }
}

/** A finished environment and model. */
export interface LocalLlm {
  /** The environment's Python interpreter. */
  readonly python: string;
  /** The GGUF model file. */
  readonly modelPath: string;
  /**
   * The same model as a Hugging Face folder (LlamaForCausalLM, safetensors, tokenizer.json with the ChatML template),
   * for Transformers. It also holds `jax_logits.json`, the training model's logits for one prompt.
   */
  readonly hfModelDir: string;
}

/**
 * Runs `body` under a lock directory (atomic `mkdir`), so that test files in parallel workers build once; a lock
 * older than 30 minutes is taken to be left by a killed process.
 */
async function withLock<T>(lock: string, body: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 30 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Where the environment and model of the current `python/` sources live, built or not. */
export function localLlmPaths(): LocalLlm & { envDir: string } {
  const root = cacheRoot();
  const envDir = join(root, 'envs', `local-llm-${hashOf(REQUIREMENTS)}`);
  const modelHash = hashOf(BUILD_SCRIPT, join(CORPUS, 'init_infer_dataset.jsonl'));
  return {
    envDir,
    python: join(envDir, 'bin', 'python'),
    modelPath: join(root, 'models', `tiny-llm-${modelHash}.gguf`),
    hfModelDir: join(root, 'models', `tiny-llm-${modelHash}-hf`),
  };
}

/**
 * Whether the environment and model are built (`pnpm --filter @dj-sandbox/local-llm prepare-model`, which CI runs
 * first). Tests that need the server skip, saying so, when they are not: building takes minutes.
 */
export function isLocalLlmReady(): boolean {
  const { envDir, modelPath, hfModelDir } = localLlmPaths();
  return existsSync(join(envDir, '.complete')) && existsSync(modelPath) && existsSync(hfModelDir);
}

/** The message of a test skipped because the local model is not built. */
export const LOCAL_LLM_SKIP_REASON =
  'the local model server is not built here: run `pnpm --filter @dj-sandbox/local-llm prepare-model` (CI does)';

/**
 * Creates (once) the uv environment of `python/requirements.txt` and builds (once) the tiny model (GGUF and Hugging Face folder), both cached
 * by content hash under {@link cacheRoot}. Each appears only when complete: a `.complete` marker for the env, a
 * rename for the model. `onLine` receives the build's output.
 */
export async function ensureLocalLlm(options: { onLine?: (line: string) => void } = {}): Promise<LocalLlm> {
  const root = cacheRoot();
  mkdirSync(join(root, 'envs'), { recursive: true });
  mkdirSync(join(root, 'models'), { recursive: true });
  const { envDir, python, modelPath, hfModelDir } = localLlmPaths();
  const built = () => existsSync(modelPath) && existsSync(hfModelDir);
  if (existsSync(join(envDir, '.complete')) && built()) return { python, modelPath, hfModelDir };
  return withLock(join(root, 'local-llm.lock'), async () => {
    const log = (out: { stdout: string; stderr: string }) => {
      for (const line of `${out.stdout}${out.stderr}`.split('\n')) if (line) options.onLine?.(line);
    };
    if (!existsSync(join(envDir, '.complete'))) {
      rmSync(envDir, { recursive: true, force: true });
      log(await run('uv', ['venv', '--quiet', '--python', '3.11', envDir], { maxBuffer: 1 << 26 }));
      // llama-cpp-python ships only an sdist: its compiled wheel is kept in our cache and offered first, since
      // uv's own cache rebuilds it (tens of minutes on 2 cores) whenever it revalidates the sdist.
      const wheels = join(root, 'wheels');
      mkdirSync(wheels, { recursive: true });
      log(
        await run('uv', ['pip', 'install', '--quiet', '--python', python, '--find-links', wheels, '-r', REQUIREMENTS], {
          maxBuffer: 1 << 26,
          env: { ...process.env, CMAKE_BUILD_PARALLEL_LEVEL: process.env.CMAKE_BUILD_PARALLEL_LEVEL ?? '2' },
        }),
      );
      await keepBuiltWheel(wheels);
      writeFileSync(join(envDir, '.complete'), new Date().toISOString());
    }
    if (!built()) {
      log(
        await run(python, [BUILD_SCRIPT, '--corpus', CORPUS, '--out', modelPath, '--hf-out', hfModelDir], {
          maxBuffer: 1 << 26,
          env: { ...process.env, JAX_PLATFORMS: 'cpu' },
        }),
      );
    }
    return { python, modelPath, hfModelDir };
  });
}
