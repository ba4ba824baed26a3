import { isNode, LineCounter, parseDocument } from 'yaml';
import type { DjSandboxError, SourceLocation } from '../errors/dj-sandbox-error.ts';
import { configError } from '../errors/errors.ts';

/** A parsed config file that can map a key path back to its line and column. */
export interface ParsedSource {
  file: string;
  value: unknown;
  /** Location of the value at `path` (the closest existing ancestor when the key is absent). */
  locate(path: ReadonlyArray<string | number>): SourceLocation;
  /** The text of the scalar at `path` exactly as written (`-1.0` stays `-1.0`, not the number -1). */
  scalarText(path: ReadonlyArray<string | number>): string | undefined;
}

/**
 * Parses YAML (and so JSON, a YAML subset) keeping node positions, so every problem can be reported as
 * `file:line:column`. Syntax errors come back as config errors with their position.
 */
export function parseSource(text: string, file: string): ParsedSource | DjSandboxError {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, keepSourceTokens: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const pos = first.linePos?.[0];
    return configError('yaml-syntax', `${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}.`, {
      location: { file, ...(pos ? { line: pos.line, column: pos.col } : {}) },
      fix: 'Fix the YAML syntax at that position (indentation, a missing colon or quote).',
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (cause) {
    // an alias bomb (a billion laughs) is refused by yaml's alias budget
    return configError('yaml-aliases', `${file} expands too many YAML aliases (${(cause as Error).message}).`, {
      location: { file },
      expected: 'at most 1000 alias expansions',
      fix: 'Write the repeated values out, or use fewer nested aliases.',
    });
  }
  return {
    file,
    value,
    scalarText(path) {
      const node = doc.getIn(path, true) as { srcToken?: { source?: string } } | undefined;
      return node?.srcToken?.source;
    },
    locate(path) {
      const at = (offset: number): SourceLocation => {
        const pos = lineCounter.linePos(offset);
        return { file, line: pos.line, column: pos.col };
      };
      for (let cut = path.length; cut > 0; cut--) {
        const last = path[cut - 1];
        // For a key, point at the key itself (an unknown key, a key with an empty value).
        if (typeof last === 'string') {
          const parent = doc.getIn(path.slice(0, cut - 1), true) as
            | { items?: Array<{ key?: { value?: unknown; range?: number[] } }> }
            | undefined;
          const pair = parent?.items?.find((item) => item.key?.value === last);
          if (pair?.key?.range) return at(pair.key.range[0]!);
        }
        const node = doc.getIn(path.slice(0, cut), true);
        if (isNode(node) && node.range) return at(node.range[0]);
      }
      return { file };
    },
  };
}

/** Renders a key path as `pipelines[0].probe_job_configs[1].hook`. */
export function renderPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  return out;
}
