import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTracker } from './file-tracker.ts';

const scope = { iteration: 1, pipeline: 'p', job: 'j' };

describe('FileTracker', () => {
  it('keeps the lines after one that a kill cut short', () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-tracker-'));
    new FileTracker(dir).watch({ a: 1 }, 'probe', scope);
    appendFileSync(join(dir, 'tracker/watched.jsonl'), '{"iteration":1,"metaNa');
    new FileTracker(dir, { restore: true }).watch({ b: 2 }, 'score', scope);
    const restored = new FileTracker(dir, { restore: true });
    expect(restored.query('probe.a')).toBe(1);
    expect(restored.query('score.b')).toBe(2);
    expect(readFileSync(join(dir, 'tracker/watched.jsonl'), 'utf8').split('\n')).toHaveLength(4);
  });
});
