import { describe, expect, it } from 'vitest';
import { buildMessages, buildMessagesForMathQa, conversationsOf } from './helpers.ts';
import { namedHelpers } from './named-helpers.ts';

const caller = { plugin: 'executor-test', kind: 'test' };

describe('message helpers', () => {
  it('build_messages puts the system field first when the row has one, then the query', () => {
    expect(buildMessages({ q: 'hi', sys: 'be brief' }, { query_key: 'q', system_key: 'sys' })).toEqual([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hi' },
    ]);
    expect(buildMessages({ query: 'hi' }, {})).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('build_messages_for_math_qa asks about the question and the answer together', () => {
    expect(buildMessagesForMathQa({ query: '1+1', response: '2' }, {})).toEqual([
      { role: 'user', content: 'Question: 1+1\nAnswer: 2' },
    ]);
  });

  it('names the missing field and the fields the row has', () => {
    expect(() => buildMessages({ text: 'x' }, {})).toThrow(
      'build_messages: the row has no "query" field (fields: text)',
    );
  });

  it('treats a list of lists as a batch of conversations, and anything else as one', () => {
    const one = [{ role: 'user', content: 'a' }];
    expect(conversationsOf(one)).toEqual({ batch: false, list: [one] });
    expect(conversationsOf([one, one])).toEqual({ batch: true, list: [one, one] });
    expect(conversationsOf([])).toEqual({ batch: true, list: [] });
  });

  it('finds helpers by their reference names, and blames the caller for an unknown one', () => {
    expect(namedHelpers(caller, 'build_messages_for_math_qa', 'parse_output').buildMessages).toBe(
      buildMessagesForMathQa,
    );
    expect(() => namedHelpers(caller, 'build_input', 'parse_output')).toThrow(
      expect.objectContaining({
        code: 'test-helper-unknown',
        data: expect.objectContaining({ plugin: 'executor-test', path: 'extra_configs.build_messages_func' }),
      }),
    );
  });
});
