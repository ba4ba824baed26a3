import type { ResolvedOp } from '../recipe/recipe-types.ts';
import type { StepSpec } from './run-steps.ts';

/** A dataset-level operator that needs every sample's hashes or fields before anything is emitted. */
export interface Barrier {
  readonly kind: 'dedup' | 'select';
  readonly op: ResolvedOp;
}

/** Consecutive per-batch steps, optionally ending in a barrier. */
export interface Segment {
  readonly steps: StepSpec[];
  readonly barrier?: Barrier;
}

/**
 * Splits `process` into streaming segments. Mappers and filters run per batch; a deduplicator is a per-batch hash
 * step followed by a barrier; a selector is a barrier. The analyzer (`analyze`) runs filters as stats-only steps and
 * skips every other op (docs/recipes.md#analysis).
 */
export function planSegments(
  ops: readonly ResolvedOp[],
  mode: 'process' | 'analyze',
): { segments: Segment[]; skipped: ResolvedOp[] } {
  const segments: Segment[] = [];
  const skipped: ResolvedOp[] = [];
  let steps: StepSpec[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const base = { op: i, name: op.name, skipOpError: op.params.skip_op_error !== false };
    if (mode === 'analyze') {
      if (op.kind === 'filter') steps.push({ ...base, kind: 'stats' });
      else skipped.push(op);
      continue;
    }
    if (op.kind === 'mapper') steps.push({ ...base, kind: 'mapper' });
    else if (op.kind === 'filter') steps.push({ ...base, kind: 'filter' });
    else if (op.kind === 'deduplicator') {
      steps.push({ ...base, kind: 'hash' });
      segments.push({ steps, barrier: { kind: 'dedup', op } });
      steps = [];
    } else {
      segments.push({ steps, barrier: { kind: 'select', op } });
      steps = [];
    }
  }
  if (steps.length > 0 || segments.length === 0) segments.push({ steps });
  return { segments, skipped };
}
