import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesModulePath, bytesModuleSource, compileWat, SRC_DIR, watFiles } from '../scripts/wat.ts';

describe('embedded WebAssembly modules', () => {
  it('has a .wat source to check', () => {
    expect(watFiles().map((f) => relative(SRC_DIR, f))).toContain('deduplicators/internal/minhash.wat');
  });

  for (const wat of watFiles()) {
    it(`embeds exactly what wabt compiles from ${relative(SRC_DIR, wat)} (run wasm:build after editing it)`, async () => {
      const bytes = await compileWat(wat);
      expect(readFileSync(bytesModulePath(wat), 'utf8')).toBe(bytesModuleSource(wat, bytes));
      const embedded = (await import(bytesModulePath(wat))) as { WASM_BASE64: string };
      expect(Buffer.from(embedded.WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    });
  }
});
