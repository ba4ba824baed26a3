/**
 * The files of a new plugin package made by `dj-sandbox init plugin <dir>`: a hook, a component and an operator,
 * their tests written with `@dj-sandbox/test-utils`, and a README. The generated tests pass as generated.
 * docs/writing-plugins.md explains every contract they use.
 */

/** The versions a generated plugin depends on. */
export interface TemplateVersions {
  /** The installed @dj-sandbox/core (its plugin API is the compatibility contract). */
  core: string;
  testUtils: string;
  typescript: string;
  /** Node's types: the generated tsconfig compiles against them (`types: ['node']`). */
  typesNode: string;
  vitest: string;
  zod: string;
}

/** The plugin's id (its package name without the scope) as errors print it: `[plugin:<id>]`. */
export function pluginId(packageName: string): string {
  return packageName.replace(/^@[^/]+\//, '');
}

/** The generated files, by relative path. */
export function pluginTemplate(packageName: string, v: TemplateVersions): Record<string, string> {
  const id = pluginId(packageName);
  const major = Number(v.core.split('.')[0]);
  // The plugin API version, not core's minor, is the compatibility contract: any core below the next major works.
  const coreRange = `>=${v.core} <${major + 1}`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: packageName,
        version: '0.1.0',
        description: 'A dj-sandbox plugin: a hook, a data evaluator and an operator.',
        license: 'Apache-2.0',
        type: 'module',
        keywords: ['dj-sandbox-plugin'],
        djSandbox: { role: 'hooks', apiVersion: 1 },
        exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
        files: ['dist', 'README.md'],
        scripts: { build: 'tsc -p tsconfig.build.json', test: 'vitest run', prepack: 'npm run build' },
        dependencies: { zod: v.zod },
        peerDependencies: { '@dj-sandbox/core': coreRange },
        devDependencies: {
          '@dj-sandbox/core': v.core,
          '@dj-sandbox/test-utils': v.testUtils,
          '@types/node': v.typesNode,
          typescript: v.typescript,
          vitest: v.vitest,
        },
        engines: { node: '>=20.19.0' },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2023',
          lib: ['ES2023'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          types: ['node'],
          strict: true,
          verbatimModuleSyntax: true,
          allowImportingTsExtensions: true,
          rewriteRelativeImportExtensions: true,
          declaration: true,
          skipLibCheck: true,
          noEmit: true,
        },
        include: ['src'],
      },
      null,
      2,
    )}\n`,
    'tsconfig.build.json': `${JSON.stringify(
      {
        extends: './tsconfig.json',
        compilerOptions: { noEmit: false, rootDir: 'src', outDir: 'dist' },
        exclude: ['src/**/*.test.ts'],
      },
      null,
      2,
    )}\n`,
    'src/index.ts': INDEX.replaceAll('__ID__', id),
    'src/plugin.test.ts': TEST.replaceAll('__ID__', id),
    'README.md': README.replaceAll('__NAME__', packageName).replaceAll('__ID__', id),
    '.gitignore': 'node_modules\ndist\noutputs\n',
  };
}

const INDEX = `import {
  defineComponent,
  defineHook,
  defineOperator,
  definePlugin,
  operatorsPoint,
  readJsonRows,
  type Sample,
  versionOf,
} from '@dj-sandbox/core';
import { z } from 'zod';

/** A filter operator: keeps samples whose text contains \`word\`; its stat \`contains_word\` is 1 or 0. */
export const containsWordFilter = defineOperator({
  name: 'contains_word_filter',
  kind: 'filter',
  description: 'Keeps samples whose text contains a word.',
  params: z.looseObject({ word: z.string().default('the'), text_key: z.string().default('text') }),
  statsKeys: () => ['contains_word'],
  create: (params) => ({
    computeStats(samples: Sample[]) {
      for (const sample of samples) {
        const stats = (sample.__dj__stats__ ??= {}) as Record<string, unknown>;
        // Data-Juicer's cache rule: a stat already computed is not computed again.
        if (!('contains_word' in stats)) stats.contains_word = String(sample[params.text_key] ?? '').includes(params.word) ? 1 : 0;
      }
    },
    keep: (sample: Sample) => (sample.__dj__stats__ as Record<string, unknown>).contains_word === 1,
  }),
});

/** A DataEvaluator (\`extra_configs.type: mean_text_length\`): the mean text length of a JSONL dataset. */
export const meanTextLength = defineComponent({
  kind: 'DataEvaluator',
  type: 'mean_text_length',
  description: 'Mean length of the text field of a JSON Lines dataset.',
  config: z.looseObject({ dataset_path: z.string(), text_key: z.string().default('text') }),
  create: (config) => ({
    async run() {
      let total = 0;
      let rows = 0;
      for await (const row of readJsonRows(config.dataset_path)) {
        total += String(row[config.text_key] ?? '').length;
        rows++;
      }
      return rows === 0 ? 0 : total / rows;
    },
  }),
});

/** A hook (\`hook: GreetingHook\`): returns a greeting built from \`extra_configs.name\`. */
export const greetingHook = defineHook({
  name: 'GreetingHook',
  description: 'Returns "hello, <extra_configs.name>".',
  run: (ctx) => \`hello, \${String(ctx.extraConfigs?.name ?? 'world')}\`,
});

/** The plugin: inert data; dj-sandbox calls \`register\` when a run starts. */
export default definePlugin({
  id: '__ID__',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'An example plugin: a hook, a data evaluator and an operator.',
  register(reg) {
    reg.hooks.add(greetingHook);
    reg.components.add(meanTextLength);
    reg.extend(operatorsPoint, containsWordFilter);
  },
});
`;

const TEST = `import { join } from 'node:path';
import { createTestRun, testdir } from '@dj-sandbox/test-utils';
import { describe, expect, it } from 'vitest';
import plugin, { containsWordFilter, meanTextLength } from './index.ts';

describe('the __ID__ plugin', () => {
  it('runs its hook from a sandbox config, as production composes it', async () => {
    const run = await createTestRun({
      config: {
        work_dir: './out',
        probe_job_configs: [{ hook: 'GreetingHook', meta_name: 'greet', extra_configs: { name: 'sandbox' } }],
      },
      plugins: [plugin],
    });
    await run.run();
    expect(run.readContext()).toEqual([
      { iter: 1, pipeline_infos: [{ pipeline_name: 'anonymous', job_infos: [{ meta_name: 'greet', '0': 'hello, sandbox' }] }] },
    ]);
  });

  it('evaluates a dataset with its component', async () => {
    const dir = testdir({ 'data.jsonl': '{"text": "abcd"}\\n{"text": "ab"}\\n' });
    const component = await meanTextLength.create({ dataset_path: join(dir, 'data.jsonl'), text_key: 'text' }, {} as never);
    expect(await component.run()).toBe(3);
  });

  it('filters samples with its operator', async () => {
    const filter = await containsWordFilter.create({ word: 'cat', text_key: 'text' }, {} as never);
    const samples = [{ text: 'a cat' }, { text: 'a dog' }];
    await filter.computeStats(samples);
    expect(samples.map((s) => filter.keep(s))).toEqual([true, false]);
  });
});
`;

const README = `# __NAME__

A [dj-sandbox](https://www.npmjs.com/package/@dj-sandbox/cli) plugin, made with \`dj-sandbox init plugin\`.

| what | name | used in a config as |
|---|---|---|
| hook | \`GreetingHook\` | \`hook: GreetingHook\` with \`extra_configs: { name: ... }\` |
| data evaluator | \`mean_text_length\` | \`hook: EvaluateDataHook\` with \`extra_configs: { type: mean_text_length, dataset_path: ... }\` |
| operator | \`contains_word_filter\` | in a Data-Juicer recipe's \`process\` list |

\`\`\`yaml
plugins: ['__NAME__']
\`\`\`

\`npm test\` runs the tests (\`@dj-sandbox/test-utils\` composes a run as production does); \`npm pack\` builds and packs.
The plugin API version (\`apiVersion: 1\`) is the compatibility contract, so the peer range accepts every
\`@dj-sandbox/core\` below the next major.
`;
