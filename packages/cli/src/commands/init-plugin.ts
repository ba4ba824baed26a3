import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { configError } from '@dj-sandbox/core';
import pc from 'picocolors';
import { pluginTemplate, type TemplateVersions } from '../init/plugin-template.ts';
import { EXIT } from '../output/render-error.ts';

function versionOfPackage(name: string, fallback: string): string {
  try {
    const url = import.meta.resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(new URL(url), 'utf8')) as { version: string }).version;
  } catch {
    return fallback;
  }
}

/** The versions the generated plugin pins: what this CLI was built and tested with. */
export function templateVersions(): TemplateVersions {
  const cli = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const pinned = (name: string, fallback: string) => {
    const spec = cli.dependencies?.[name] ?? cli.devDependencies?.[name];
    return spec && /^\d/.test(spec) ? spec : fallback;
  };
  const core = versionOfPackage('@dj-sandbox/core', '0.1.0');
  return {
    core,
    testUtils: versionOfPackage('@dj-sandbox/test-utils', core),
    typescript: '6.0.3',
    typesNode: '20.19.43',
    vitest: '4.1.12',
    zod: pinned('zod', '4.6.7'),
  };
}

/** `dj-sandbox init plugin <dir> [--name @scope/name]`: writes a ready plugin package into an empty folder. */
export async function initPluginCommand(dir: string, options: { name?: string }, cwd = process.cwd()): Promise<number> {
  const target = resolve(cwd, dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw configError('init-not-empty', `${target} is not empty.`, {
      path: 'dir',
      expected: 'a new or empty folder',
      fix: 'Choose another folder, or empty this one.',
    });
  }
  const name = options.name ?? `dj-sandbox-plugin-${basename(target).replace(/^dj-sandbox-plugin-/, '')}`;
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(name)) {
    throw configError('init-name', `${JSON.stringify(name)} is not a valid npm package name.`, {
      path: '--name',
      expected: 'lower-case letters, digits, -, . and _, optionally under a @scope/',
    });
  }
  for (const [file, text] of Object.entries(pluginTemplate(name, templateVersions()))) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    writeFileSync(join(target, file), text);
  }
  process.stdout.write(
    `${pc.green('✔')} ${name} written to ${target}\n  next: cd ${dir} && npm install && npm test\n  the contracts it uses: docs/writing-plugins.md in the dj-sandbox repository\n`,
  );
  return EXIT.ok;
}
