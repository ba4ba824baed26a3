import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import { linkInstalledPackages, runCli, startCli } from './test-helpers/run-cli.ts';

const PLUGIN = fileURLToPath(new URL('./__fixtures__/counting-plugin.mjs', import.meta.url));
const JOBS = `plugins: ['${PLUGIN}']\nwork_dir: ./out\nprobe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe}]\n`;
const RECIPE = (extra: string) =>
  `dataset_path: ./data.jsonl\nexport_path: ./out/res.jsonl\nnp: 1\n${extra}process:\n  - words_num_filter: {min_num: 1}\n`;
const ALIAS_BOMB = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]
`;

interface BadInput {
  what: string;
  files: Record<string, string | Buffer>;
  args: string[];
  /** Patterns the message must match; every case also asserts exit 2 and no stack trace. */
  message: RegExp[];
}

// Every bad input with the message it must produce. Each once gave a stack trace, exit 0/1 or a wrong message.
const BAD_INPUTS: BadInput[] = [
  {
    what: 'a YAML alias bomb',
    files: { 'sandbox.yaml': JOBS + ALIAS_BOMB },
    args: ['validate', '-c', 'sandbox.yaml'],
    message: [/sandbox\.yaml expands too many YAML aliases/],
  },
  {
    what: 'a project_name with a slash',
    files: { 'sandbox.yaml': `${JOBS}project_name: a/b\n` },
    args: ['run', '-c', 'sandbox.yaml'],
    message: [/project_name: .*a name without "\/" or "\.\."/],
  },
  {
    what: 'a project_name that climbs out of the work dir',
    files: { 'sandbox.yaml': `${JOBS}project_name: ../../escape\n` },
    args: ['run', '-c', 'sandbox.yaml'],
    message: [/project_name: .*a name without "\/" or "\.\."/],
  },
  {
    what: 'a config that is a folder',
    files: { 'conf/keep.txt': '' },
    args: ['run', '-c', 'conf'],
    message: [/--config: .*conf is a folder, not a config file/],
  },
  {
    what: 'a number too large for a double',
    files: { 'sandbox.yaml': `${JOBS}max_iter_num: 1e400\n` },
    args: ['validate', '-c', 'sandbox.yaml'],
    message: [/max_iter_num/, /received Infinity/],
  },
  {
    what: 'an empty config',
    files: { 'sandbox.yaml': '# nothing here\n' },
    args: ['run', '-c', 'sandbox.yaml'],
    message: [/sandbox\.yaml is empty/],
  },
  {
    what: 'a missing dj_configs file',
    files: {
      'sandbox.yaml': `plugins: ['${PLUGIN}']\nprobe_job_configs: [{hook: ProbeViaAnalyzerHook, meta_name: probe, dj_configs: nowhere.yaml}]\n`,
    },
    args: ['validate', '-c', 'sandbox.yaml'],
    message: [/dj_configs: the recipe file nowhere\.yaml does not exist/],
  },
  {
    what: 'a context_infos.json of the wrong shape on --resume',
    files: { 'sandbox.yaml': JOBS, 'out/context_infos.json': '[{"iter": 1, "pipeline_infos": 7}]' },
    args: ['run', '-c', 'sandbox.yaml', '--resume'],
    message: [/cannot resume: .*context_infos\.json.*iteration 0/],
  },
  {
    what: 'a misspelt process key in a recipe',
    files: { 'recipe.yaml': RECIPE('').replace('process:', 'procss:'), 'data.jsonl': '{"text": "a b c"}\n' },
    args: ['process', '-r', 'recipe.yaml'],
    message: [/unknown recipe key "procss"\. Did you mean "process"\?/],
  },
  {
    what: 'a corrupt .gz dataset',
    files: {
      'recipe.yaml': RECIPE('').replace('./data.jsonl', './data.jsonl.gz'),
      'data.jsonl.gz': Buffer.concat([
        gzipSync('{"text": "a b c"}\n'.repeat(1000)).subarray(0, 40),
        Buffer.alloc(40, 7),
      ]),
    },
    args: ['process', '-r', 'recipe.yaml'],
    message: [/cannot read .*data\.jsonl\.gz/],
  },
  {
    what: 'an export path that cannot be created',
    files: {
      'recipe.yaml': RECIPE('').replace('./out/res.jsonl', './blocker/out/res.jsonl'),
      blocker: 'a file',
      'data.jsonl': '{"text": "a b c"}\n',
    },
    args: ['process', '-r', 'recipe.yaml'],
    message: [/blocker/, /\((ENOTDIR|EEXIST)\)/],
  },
  {
    what: 'invalid UTF-8 under --strict',
    files: {
      'recipe.yaml': RECIPE(''),
      'data.jsonl': Buffer.concat([
        Buffer.from('{"text": "ok a b"}\n{"text": "bad '),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(' x"}\n'),
      ]),
    },
    args: ['process', '-r', 'recipe.yaml', '--strict'],
    message: [/data\.jsonl:2 is not valid UTF-8/],
  },
];

describe('bad inputs', () => {
  it.each(BAD_INPUTS)(
    '$what: exit 2 and a clear message, no stack trace',
    async ({ files, args, message }) => {
      const dir = testdir();
      for (const [name, content] of Object.entries(files)) writeFile(join(dir, name), content);
      linkInstalledPackages(dir);
      const { code, stderr } = await runCli(args, { cwd: dir });
      const text = stripVTControlCharacters(stderr);
      for (const pattern of message) expect(text).toMatch(pattern);
      expect(text).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
      expect(code, text).toBe(2);
    },
    60_000,
  );

  it('shows the stack trace with --debug', async () => {
    const dir = testdir({
      'recipe.yaml': RECIPE('').replace('./out/res.jsonl', './blocker/out/res.jsonl'),
      'data.jsonl': '{"text": "a b c"}\n',
    });
    writeFileSync(join(dir, 'blocker'), 'a file');
    linkInstalledPackages(dir);
    const { code, stderr } = await runCli(['process', '-r', 'recipe.yaml', '--debug'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/\n\s+at /);
  }, 60_000);
});

function writeFile(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

describe('a closed pipe', () => {
  it('ends `dj-sandbox schema | head` quietly with exit 0 (EPIPE)', async () => {
    const child = startCli(['schema'], { cwd: testdir() });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    // the reader is gone before the output is written, as when `head` has read its lines
    child.stdout!.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
