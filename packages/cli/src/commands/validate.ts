import pc from 'picocolors';
import { EXIT, renderProblems } from '../output/render-error.ts';
import { type ConfigOptions, prepare } from './prepare.ts';

/** `dj-sandbox validate`: checks a config and its plugins without running anything. */
export async function validateCommand(options: ConfigOptions, cwd: string = process.cwd()): Promise<number> {
  const prepared = await prepare(options, cwd);
  const jobs = prepared.config.pipelines.reduce((n, p) => n + Object.values(p.jobs).flat().length, 0);
  if (prepared.warnings.length) process.stderr.write(`${renderProblems([], prepared.warnings)}\n`);
  process.stdout.write(
    `${pc.green('✔')} ${prepared.config.configFile ?? 'config'} is valid: ${prepared.config.pipelines.length} pipeline(s), ${jobs} job(s), plugins ${prepared.registry.plugins.map((p) => `${p.id}@${p.version}`).join(', ') || 'none'}.\n`,
  );
  return EXIT.ok;
}
