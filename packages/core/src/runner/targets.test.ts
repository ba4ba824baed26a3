import { describe, expect, it } from 'vitest';
import { ContextInfos } from '../context/context-infos.ts';
import { checkTarget, type IterTarget, parseTarget } from './targets.ts';

function ctxWith(value: unknown): ContextInfos {
  const ctx = new ContextInfos(1);
  ctx.startPipeline('p').jobs.push({ metaName: 'eval', outputKeys: ['score'], outputs: [value] });
  return ctx;
}

describe('iteration targets', () => {
  it('takes the first comparator in the reference order and formats the value like Python', () => {
    expect(parseTarget('p.eval.score >= 1', 't')).toMatchObject({
      key: 'p.eval.score',
      op: '>=',
      value: 1,
      text: 'p.eval.score >= 1.0',
    });
    expect(parseTarget('p.eval.score<0.2', 't')).toMatchObject({ op: '<', text: 'p.eval.score < 0.2' });
    expect(parseTarget('p.eval.score == 5', 't')).toMatchObject({ op: '==' });
  });

  it('reports a missing comparator, a bad number, a doubled comparator and a short key', () => {
    expect((parseTarget('p.eval.score != 1', 't') as Error).message).toMatch(/no valid comparator/);
    expect((parseTarget('p.eval.score <= abc', 't') as Error).message).toMatch(/\[abc\] is not a valid number/);
    expect((parseTarget('p.e.s <= 1 <= 2', 't') as Error).message).toMatch(/more than once/);
    expect((parseTarget('p.score <= 1', 't') as Error).message).toMatch(/three parts/);
  });

  it('compares numbers, numeric strings and booleans, and never evaluates text', () => {
    const t = parseTarget('p.eval.score <= 0.2', 't') as IterTarget;
    expect(checkTarget(t, ctxWith(0.1)).met).toBe(true);
    expect(checkTarget(t, ctxWith('0.3')).met).toBe(false);
    expect(checkTarget(t, ctxWith(false)).met).toBe(true);
    expect(checkTarget(t, ctxWith('__import__("os")')).problem).toMatch(/not a valid number/);
    expect(checkTarget(t, ctxWith(null)).met).toBe(false);
    expect(checkTarget(t, ctxWith([0.1])).met).toBe(false);
    expect(checkTarget(t, ctxWith(Number.NaN)).met).toBe(false);
  });
});
