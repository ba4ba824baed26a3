/**
 * Compiles this package's hand-written WebAssembly text (`*.wat` under `src/`) with wabt and renders the generated
 * `*-wasm-bytes.ts` module that embeds the binary, so the package runs without wabt. Used by `wasm:build` (writes the
 * files) and by a test (checks the committed files equal a fresh compile).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

/** The package's `src/` folder. */
export const SRC_DIR = fileURLToPath(new URL('../src/', import.meta.url));

/** Every `.wat` file under `src/`, as absolute paths, sorted. */
export function watFiles(dir = SRC_DIR): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.wat'))
    .map((f) => join(dir, f))
    .sort();
}

/** The generated module's path for a `.wat` file: `minhash.wat` -> `minhash-wasm-bytes.ts`. */
export function bytesModulePath(watPath: string): string {
  return watPath.replace(/\.wat$/, '-wasm-bytes.ts');
}

/** The WebAssembly binary of a `.wat` file (SIMD enabled, no name section). Throws wabt's message on an error. */
export async function compileWat(watPath: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(basename(watPath), readFileSync(watPath, 'utf8'), { simd: true });
  try {
    module.validate();
    return module.toBinary({ write_debug_names: false }).buffer;
  } finally {
    module.destroy();
  }
}

/** The source text of the generated module embedding `bytes` for `watPath`. */
export function bytesModuleSource(watPath: string, bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes).toString('base64');
  const lines = base64.match(/.{1,100}/g) ?? [''];
  return [
    `// Generated from ${basename(watPath)} by \`pnpm --filter @dj-sandbox/ops-text wasm:build\` (wabt); do not edit.`,
    `// Edit the .wat file and run that command again; a test fails while this file and the .wat disagree.`,
    '',
    `/** The WebAssembly binary of \`${basename(watPath)}\` (${bytes.length} bytes), base64. */`,
    'export const WASM_BASE64 =',
    `${lines.map((l) => `  '${l}'`).join(' +\n')};`,
    '',
  ].join('\n');
}
