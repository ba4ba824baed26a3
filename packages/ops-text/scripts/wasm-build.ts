/**
 * `pnpm --filter @dj-sandbox/ops-text wasm:build`: compiles every `src/**\/*.wat` with wabt and writes its
 * `*-wasm-bytes.ts` next to it (through a temporary file, renamed when complete). Prints one line per module.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { bytesModulePath, bytesModuleSource, compileWat, SRC_DIR, watFiles } from './wat.ts';

for (const wat of watFiles()) {
  let bytes: Uint8Array;
  try {
    bytes = await compileWat(wat);
  } catch (error) {
    // wabt's stack trace quotes its whole minified source; its message names the line and column.
    console.error(`${relative(SRC_DIR, wat)}: ${(error as Error).message}`);
    process.exit(1);
  }
  const target = bytesModulePath(wat);
  writeFileSync(`${target}.tmp`, bytesModuleSource(wat, bytes));
  renameSync(`${target}.tmp`, target);
  console.log(`${relative(SRC_DIR, wat)} -> ${relative(SRC_DIR, target)} (${bytes.length} bytes)`);
}
