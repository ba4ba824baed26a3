import { readFile, writeFile } from 'node:fs/promises';

/** Where one tensor sits in `weights.bin`. */
export interface TensorEntry {
  name: string;
  shape: number[];
  /** Offset in float32 elements. */
  offset: number;
}

/**
 * Writes named float32 tensors into one little-endian binary file and returns the manifest that locates them
 * (the manifest goes into the checkpoint's `config.json`).
 */
export async function writeWeights(
  path: string,
  tensors: ReadonlyArray<{ name: string; shape: readonly number[]; data: Float32Array }>,
): Promise<TensorEntry[]> {
  const total = tensors.reduce((n, t) => n + t.data.length, 0);
  const buffer = Buffer.alloc(total * 4);
  const manifest: TensorEntry[] = [];
  let offset = 0;
  for (const t of tensors) {
    for (let i = 0; i < t.data.length; i++) buffer.writeFloatLE(t.data[i]!, (offset + i) * 4);
    manifest.push({ name: t.name, shape: [...t.shape], offset });
    offset += t.data.length;
  }
  await writeFile(path, buffer);
  return manifest;
}

/** Reads the tensors of `weights.bin` described by a manifest, by name. */
export async function readWeights(path: string, manifest: readonly TensorEntry[]): Promise<Map<string, Float32Array>> {
  const buffer = await readFile(path);
  const out = new Map<string, Float32Array>();
  for (const entry of manifest) {
    const size = entry.shape.reduce((a, b) => a * b, 1);
    if ((entry.offset + size) * 4 > buffer.length) {
      throw new Error(`${path}: tensor ${entry.name} runs past the end of the file (is the checkpoint complete?)`);
    }
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) data[i] = buffer.readFloatLE((entry.offset + i) * 4);
    out.set(entry.name, data);
  }
  return out;
}
