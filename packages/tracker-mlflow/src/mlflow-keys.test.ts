import { describe, expect, it } from 'vitest';
import { metricValue, mlflowKey, paramValue } from './mlflow-keys.ts';

describe('MLflow keys and values', () => {
  it('turns percent signs into pct and other disallowed characters into underscores', () => {
    expect(mlflowKey('probe.text_len.25%')).toBe('probe.text_len.25pct');
    expect(mlflowKey('eval[0]/acc: top-1')).toBe('eval_0_/acc: top-1');
  });

  it('logs finite numbers and booleans as metrics and nothing else', () => {
    expect([metricValue(0.5), metricValue(true), metricValue(Number.NaN), metricValue('1'), metricValue(null)]).toEqual(
      [0.5, 1, null, null, null],
    );
  });

  it('writes params as text and cuts them at the limit', () => {
    expect(paramValue(4)).toBe('4');
    expect(paramValue([{ a: 1 }])).toBe('[{"a":1}]');
    expect(paramValue('x'.repeat(10), 5)).toBe('xxxx…');
  });
});
