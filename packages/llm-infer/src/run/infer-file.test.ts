import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { buildMessages, parseOutput } from '../messages/helpers.ts';
import { type Generate, inferFile } from './infer-file.ts';

const caller = { plugin: 'executor-test', kind: 'test' };
const progress = { start: () => ({ tick: () => {}, setTotal: () => {}, done: () => {} }) };
const settings = {
  buildMessages,
  parseOutput,
  funcKwargs: {},
  inferResKey: 'response',
  identity: { model: 'm' },
};

function jobsOf(path: string): Array<{ id: string }> {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string });
}

describe('inferFile', () => {
  it('keeps the answers of an interrupted run for the next one, then writes the whole output at once', async () => {
    const dir = testdir({ 'in.jsonl': '{"query":"a"}\n{"query":"b"}\n{"query":"c"}\n' });
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'in_inference.jsonl');
    const crashing: Generate = async (jobs, results) => {
      appendFileSync(results, `${JSON.stringify({ id: jobsOf(jobs)[0]!.id, text: 'A' })}\n`);
      throw new Error('killed');
    };
    await expect(inferFile(input, output, settings, crashing, { progress }, caller)).rejects.toThrow('killed');
    expect(existsSync(output)).toBe(false);

    let alreadyAnswered: string[] = [];
    const resuming: Generate = async (jobs, results) => {
      alreadyAnswered = readFileSync(results, 'utf8').trim().split('\n');
      for (const job of jobsOf(jobs).slice(1))
        appendFileSync(results, `${JSON.stringify({ id: job.id, text: 'B' })}\n`);
    };
    await inferFile(input, output, settings, resuming, { progress }, caller);
    expect(alreadyAnswered).toEqual(['{"id":"0.0","text":"A"}']);
    expect(readFileSync(output, 'utf8')).toBe(
      '{"query":"a","response":"A"}\n{"query":"b","response":"B"}\n{"query":"c","response":"B"}\n',
    );
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'in_inference.jsonl']);
  });

  it('starts over when the settings changed, and reports conversations left unanswered', async () => {
    const dir = testdir({ 'in.jsonl': '{"query":"a"}\n{"query":"b"}\n' });
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    const firstOnly: Generate = async (jobs, results) => {
      appendFileSync(results, `${JSON.stringify({ id: jobsOf(jobs)[0]!.id, text: 'A' })}\n`);
    };
    await expect(inferFile(input, output, settings, firstOnly, { progress }, caller)).rejects.toThrow(
      /1 of 2 conversations got no answer/,
    );
    let seen = 'unset';
    const other: Generate = async (_jobs, results) => {
      seen = existsSync(results) ? readFileSync(results, 'utf8') : '';
    };
    await expect(
      inferFile(input, output, { ...settings, identity: { model: 'other' } }, other, { progress }, caller),
    ).rejects.toThrow(/2 of 2/);
    expect(seen).toBe('');
  });

  it('removes the partial answers an interrupted run with other settings left once a run completes, and no others', async () => {
    const dir = testdir({
      'in.jsonl': '{"query":"a"}\n',
      'other.jsonl.0123456789ab.partial.jsonl': '{"id":"0.0","text":"kept"}\n',
    });
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    const answerFirst: Generate = async (jobs, results) => {
      appendFileSync(results, `${JSON.stringify({ id: jobsOf(jobs)[0]!.id, text: 'A' })}\n`);
    };
    const killed: Generate = async () => {
      throw new Error('killed');
    };
    await expect(inferFile(input, output, settings, killed, { progress }, caller)).rejects.toThrow('killed');
    const leftBehind = readdirSync(dir).filter((f) => f.startsWith('out.jsonl.'));
    expect(leftBehind.map((f) => f.replace(/[0-9a-f]{12}/, '<hash>')).sort()).toEqual(['out.jsonl.<hash>.jobs.jsonl']);
    appendFileSync(join(dir, leftBehind[0]!.replace('.jobs.', '.partial.')), '{"id":"0.0","text":"old"}\n');

    await inferFile(input, output, { ...settings, identity: { model: 'other' } }, answerFirst, { progress }, caller);
    expect(readFileSync(output, 'utf8')).toBe('{"query":"a","response":"A"}\n');
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'other.jsonl.0123456789ab.partial.jsonl', 'out.jsonl']);
  });
});
