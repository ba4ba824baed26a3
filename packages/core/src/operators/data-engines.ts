import type { DataAnalyzerComponent, DataExecutorComponent } from '../components/data-contracts.ts';
import type { ComponentEnv } from '../components/define-component.ts';
import type { ConfigTree } from '../config/config-tree.ts';
import { isMapping } from '../config/config-tree.ts';
import { didYouMean } from '../errors/did-you-mean.ts';
import { configError } from '../errors/errors.ts';
import { createExtensionPoint } from '../refs/create-ref.ts';

/** The id of the native (TypeScript) data engine. */
export const NATIVE_ENGINE = 'typescript';

/**
 * A data engine other than the native one (Data-Juicer in Python): it runs recipes whose operators the native engine
 * lacks, and Data-Juicer's Ray mode. Its results have the shapes of the native engine's, so hooks, k-sigma and the
 * report do not care which engine ran. See docs/data-engines.md.
 */
export interface DataEngine {
  /** What a recipe's `engine:` key names, e.g. `python`. */
  readonly id: string;
  /** For messages, e.g. `Data-Juicer 1.6.1 (Python)`. */
  readonly label: string;
  /** Operator names it runs. */
  readonly operators: ReadonlySet<string>;
  /** True when it can run `executor_type: ray`. */
  readonly ray?: boolean;
  createExecutor(recipe: ConfigTree, env: ComponentEnv): DataExecutorComponent | Promise<DataExecutorComponent>;
  createAnalyzer(recipe: ConfigTree, env: ComponentEnv): DataAnalyzerComponent | Promise<DataAnalyzerComponent>;
}

/** The extension point engines contribute to; the native engine reads it to hand recipes over. */
export const dataEnginesPoint = createExtensionPoint<DataEngine>({ id: 'data-juicer.engines' });

/** Which engine runs a recipe, and why (said in one line when it is not the native engine). */
export interface EngineChoice {
  /** The engine, or undefined for the native one. */
  readonly engine?: DataEngine;
  readonly reason: string;
}

/** The operator names of a recipe's `process` list, in order. */
export function recipeOperatorNames(recipe: ConfigTree): string[] {
  const process = recipe.process;
  if (!Array.isArray(process)) return [];
  return process.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    if (isMapping(entry) && Object.keys(entry).length === 1) return Object.keys(entry);
    return [];
  });
}

/**
 * Chooses the engine for a recipe (docs/data-engines.md): `engine:` forces one (`typescript` or another engine's
 * id); `executor_type: ray` needs an engine with Ray; a recipe whose operators are all native runs natively; else
 * the first engine that runs every operator the native engine lacks. A recipe no engine can run is a config error
 * naming the operators.
 */
export function selectDataEngine(
  recipe: ConfigTree,
  nativeOperators: ReadonlySet<string>,
  engines: readonly DataEngine[],
): EngineChoice {
  const forced = recipe.engine;
  const ids = [NATIVE_ENGINE, ...engines.map((e) => e.id)];
  if (forced !== undefined && forced !== null) {
    if (forced === NATIVE_ENGINE) return { reason: 'engine: typescript' };
    const engine = engines.find((e) => e.id === forced);
    if (!engine) {
      throw configError('data-engine-unknown', `no loaded plugin provides the data engine ${JSON.stringify(forced)}.`, {
        path: 'dj_configs.engine',
        expected: ids.join(' or '),
        received: forced,
        fix:
          forced === 'python'
            ? 'Install @dj-sandbox/executor-data-juicer-py (Data-Juicer in Python).'
            : `Use one of the loaded engines.${didYouMean(String(forced), ids)}`,
      });
    }
    return { engine, reason: `engine: ${engine.id}` };
  }
  if (recipe.executor_type === 'ray') {
    const engine = engines.find((e) => e.ray);
    if (!engine) {
      throw configError('data-engine-ray', 'executor_type: ray needs a data engine that runs on Ray.', {
        path: 'dj_configs.executor_type',
        received: 'ray',
        fix: 'Install @dj-sandbox/executor-data-juicer-py (Data-Juicer on Ray).',
      });
    }
    return { engine, reason: `executor_type: ray runs on ${engine.label}` };
  }
  const names = recipeOperatorNames(recipe);
  const foreign = [...new Set(names.filter((n) => !nativeOperators.has(n)))];
  if (foreign.length === 0) return { reason: 'every operator is native' };
  const engine = engines.find((e) => foreign.every((n) => e.operators.has(n)));
  if (!engine) {
    const unknown = foreign.filter((n) => !engines.some((e) => e.operators.has(n)));
    const all = [...nativeOperators, ...engines.flatMap((e) => [...e.operators])];
    throw configError(
      'recipe-unknown-op',
      `no loaded data engine runs ${unknown.map((n) => JSON.stringify(n)).join(', ')}.`,
      {
        path: 'dj_configs.process',
        expected: 'operators of the native engine or of an installed engine',
        received: unknown,
        fix:
          engines.length === 0
            ? `Check the spelling${unknown.length === 1 ? didYouMean(unknown[0] as string, all) : ''}, or install @dj-sandbox/executor-data-juicer-py to run every Data-Juicer operator.`
            : `Check the spelling.${unknown.length === 1 ? didYouMean(unknown[0] as string, all) : ''}`,
      },
    );
  }
  return {
    engine,
    reason: `runs on ${engine.label}: ${foreign.join(', ')} ${foreign.length === 1 ? 'is' : 'are'} not native`,
  };
}
