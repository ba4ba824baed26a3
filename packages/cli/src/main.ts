import { redactUrlCredentials } from '@dj-sandbox/core';
import { Command } from 'commander';
import { CLI_GLOBALS } from './commands/global-options.ts';
import { exitCodeFor, renderError } from './output/render-error.ts';

/** Wraps a lazily imported command so that every failure is rendered once and mapped to an exit code. */
function action<O>(load: () => Promise<(options: O) => Promise<number>>) {
  // commander passes (options, command); commands take only their options
  return async (options: O) => {
    try {
      process.exitCode = await (await load())(options);
    } catch (error) {
      const debug = (options as { debug?: boolean } | undefined)?.debug === true || process.argv.includes('--debug');
      process.stderr.write(`${redactUrlCredentials(renderError(error, debug))}\n`);
      process.exitCode = exitCodeFor(error);
    }
  };
}

/** `--max_iter_num 2` and the other scalar global keys; they win over the file and `DJ_SANDBOX_*`. */
function globalKeyOptions(command: Command): Command {
  for (const key of CLI_GLOBALS) command.option(`--${key} <value>`, `set the global key ${key} (over the file)`);
  return command;
}

/** Builds the `dj-sandbox` command line; commands are imported only when they run. */
export function buildProgram(version: string): Command {
  const program = new Command('dj-sandbox')
    .description('The Data-Juicer sandbox: probe data, refine recipes, process, train and evaluate, in one YAML file.')
    .version(version)
    .showHelpAfterError()
    .exitOverride((err) => {
      // commander's own usage errors (unknown option, missing argument) exit 2, like the reference's parser
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) throw err;
      process.exitCode = 2;
      throw err;
    });
  program
    .command('run', { isDefault: true })
    .description(
      'run a sandbox config (found with cosmiconfig when --config is not given); the default command, so `dj-sandbox --config f` works as with the Python sandbox',
    )
    .option('-c, --config <file>', 'sandbox config file (YAML, JSON, .mjs or .ts)')
    .option('--work-dir <dir>', 'override work_dir')
    .option('--resume', 'continue from work_dir/context_infos.json')
    .option(
      '--fresh',
      "discard an earlier run's records in work_dir (context_infos.json, tracker/, run.json) and start over",
    )
    .option('--debug', 'debug logging on the terminal')
    .option('--parallel <n>', 'with hpo_config: trials run at once');
  globalKeyOptions(program.commands.find((c) => c.name() === 'run')!).action(
    action(async () => (await import('./commands/run.ts')).runCommand),
  );
  program
    .command('validate')
    .description('check a config and its plugins without running anything')
    .option('-c, --config <file>', 'sandbox config file');
  globalKeyOptions(program.commands.find((c) => c.name() === 'validate')!).action(
    action(async () => (await import('./commands/validate.ts')).validateCommand),
  );
  program
    .command('plugins')
    .description('list loaded plugins with their hooks, component types and operators')
    .option('-c, --config <file>', 'list the plugins this config loads (default: every installed first-party plugin)')
    .option('--json', 'print JSON')
    .action(action(async () => (await import('./commands/plugins.ts')).pluginsCommand));
  program
    .command('schema')
    .description('print the JSON Schema of sandbox configs (for editor completion)')
    .option('-o, --out <file>', 'write it to a file')
    .action(action(async () => (await import('./commands/schema.ts')).schemaCommand));
  for (const [name, what] of [
    ['process', "process a Data-Juicer recipe (Data-Juicer's dj-process)"],
    ['analyze', "analyse a dataset with a Data-Juicer recipe (Data-Juicer's dj-analyze)"],
  ] as const) {
    program
      .command(name)
      .description(what)
      .option('-r, --recipe <file>', 'Data-Juicer recipe (YAML or JSON)')
      .option('--config <file>', `the recipe, as Data-Juicer's dj-${name} takes it (same as --recipe)`)
      .option('--np <n>', 'threads: the main thread and n - 1 workers (default: every core)')
      .option('--export-path <path>', 'override export_path')
      .option('--dataset-path <path>', 'override dataset_path')
      .option('--strict', 'a malformed input line is fatal')
      .option('--debug', 'debug logging')
      .action(
        name === 'process'
          ? action(async () => (await import('./commands/process.ts')).processCommand)
          : action(async () => (await import('./commands/analyze.ts')).analyzeCommand),
      );
  }
  program
    .command('report')
    .description('write the HTML report of a run from its work_dir (also written at the end of every run)')
    .argument('<work_dir>', "the run's work_dir")
    .option('-o, --out <file>', 'where to write it (default <work_dir>/report.html)')
    .action(async (workDir: string, options: { out?: string }) => {
      await action(async () => {
        const { reportCommand } = await import('./commands/report.ts');
        return (o: { out?: string }) => reportCommand(workDir, o);
      })(options);
    });
  program
    .command('quality')
    .description("Data-Juicer's text quality classifier")
    .command('train')
    .description('train a quality classifier model from positive and negative texts (JSONL or JSON)')
    .requiredOption('--pos <files...>', 'positive (high-quality) datasets')
    .requiredOption('--neg <files...>', 'negative (low-quality) datasets')
    .requiredOption('-o, --output <dir>', 'model directory to write')
    .option('--text-key <key>', 'field holding the text', 'text')
    .option('--num-training-samples <n>', 'cap each side at n texts (0: all)')
    .option('--train-test-split-ratio <r>', 'share of texts used for training', '0.8')
    .option('--seed <n>', 'seed of the split and shuffles', '42')
    .action(action(async () => (await import('./commands/quality.ts')).qualityTrainCommand));
  program
    .command('init')
    .description('create a new project piece')
    .command('plugin')
    .description('write a ready plugin package (a hook, a component, an operator, their tests, a README) into <dir>')
    .argument('<dir>', 'a new or empty folder')
    .option('--name <package>', 'npm package name (default: dj-sandbox-plugin-<dir name>)')
    .action(async (dir: string, options: { name?: string }) => {
      await action(async () => {
        const { initPluginCommand } = await import('./commands/init-plugin.ts');
        return (o: { name?: string }) => initPluginCommand(dir, o);
      })(options);
    });
  program
    .command('ops')
    .description('list the operators of the installed operator plugins')
    .option('--markdown', 'print the operator reference as Markdown')
    .option('--json', 'print JSON')
    .action(action(async () => (await import('./commands/ops.ts')).opsCommand));
  return program;
}

/** Runs the CLI with `argv` (as `process.argv`). */
export async function main(argv: string[], version: string): Promise<void> {
  // `dj-sandbox schema | head`: the reader went away, which ends the output, not the program with a stack trace
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  try {
    await buildProgram(version).parseAsync(argv);
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('commander.')) return;
    throw error;
  }
}
