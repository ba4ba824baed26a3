import type { AnyOperatorDefinition, ConfigTree, OperatorKind } from '@dj-sandbox/core';

/** One entry of `process`, matched to its operator definition, with validated parameters. */
export interface ResolvedOp {
  /** Position in `process` (for error paths `process[i]`). */
  readonly index: number;
  readonly name: string;
  readonly kind: OperatorKind;
  readonly definition: AnyOperatorDefinition;
  /** The expanded parameter dict as Data-Juicer shows it: user params, global injections, common defaults. */
  readonly config: Record<string, unknown>;
  /** What the operator's `params` schema produced from `config` (what `create` receives). */
  readonly params: Record<string, unknown>;
}

/** A Data-Juicer recipe after {@link initRecipe}: every default filled, paths absolute, operators resolved. */
export interface DjRecipe {
  /** The full recipe tree (global defaults filled; `process` entries expanded to their full parameter dicts). */
  readonly tree: ConfigTree;
  readonly ops: readonly ResolvedOp[];
  /** `text_keys` as a list; ops use the first one as `text_key`. */
  readonly textKeys: readonly string[];
  /** Absolute `export_path`. */
  readonly exportPath: string;
  /** Absolute `work_dir` (defaults to the folder of `export_path`). */
  readonly workDir: string;
  /** `np` as written (the runtime clamps it to the CPU count). */
  readonly np: number;
}
