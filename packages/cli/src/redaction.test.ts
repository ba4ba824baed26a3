import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-helpers/run-cli.ts';

const PLUGIN = fileURLToPath(new URL('./__fixtures__/counting-plugin.mjs', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('secrets in URLs', () => {
  it('never reach the terminal, run.json, events, logs or the report', async () => {
    const dir = testdir({
      'sandbox.yaml': `plugins: ['${PLUGIN}']\nwork_dir: ./out\ndebug: true\nevaluation_job_configs:\n  - {hook: EvaluateDataHook, meta_name: score, extra_configs: {value: 1, tracking: 'http://me:s3cret@mlflow.example:5000'}}\n`,
    });
    const { code, stderr } = await runCli(['run', '-c', 'sandbox.yaml'], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(stderr).not.toContain('s3cret');
    const written = filesUnder(join(dir, 'out'));
    expect(written.some((f) => f.endsWith('run.json'))).toBe(true);
    for (const file of written) expect(readFileSync(file, 'utf8'), file).not.toContain('s3cret');
    expect(readFileSync(join(dir, 'out/run.json'), 'utf8')).toContain('http://me:***@mlflow.example:5000');
  }, 60_000);
});
