import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigProblems, configError, type DjSandboxError, isDjSandboxError, isMapping } from '@dj-sandbox/core';
import { parseDocument } from 'yaml';
import { hyperbandBands } from '../early-stop/hyperband-bands.ts';
import { markFloatBounds } from './float-bounds.ts';
import { normalizeParameter } from './normalize-parameter.ts';
import { sweepSchema } from './sweep-schema.ts';
import { type HyperbandConfig, type ParamSpec, type Sweep, TPE_DEFAULTS, type TpeOptions } from './sweep-types.ts';
import { zodProblems } from './zod-problems.ts';

/**
 * Validates a W&B sweep config (docs/recipe-search.md#the-sweep-config) and normalises it. Every problem is collected
 * and thrown at once as {@link ConfigProblems}, each with its path, what was expected, what was received and a fix.
 */
export function parseSweep(input: unknown): Sweep {
  const problems: DjSandboxError[] = [];
  const top = sweepSchema.safeParse(input);
  if (!top.success) problems.push(...zodProblems(top.error.issues, input, [], Object.keys(sweepSchema.shape)));
  const rawParams = isMapping(input) && isMapping(input.parameters) ? input.parameters : {};
  const parameters: ParamSpec[] = [];
  // W&B orders parameters by key; grid enumeration and trial records follow that order.
  for (const name of Object.keys(rawParams).sort()) normalizeParameter(name, rawParams[name], parameters, problems);
  if (!top.success) throw new ConfigProblems(problems);
  const data = top.data;

  let earlyTerminate: HyperbandConfig | undefined;
  const et = data.early_terminate;
  if (et) {
    if (et.min_iter === undefined && et.max_iter === undefined) {
      problems.push(
        configError('hyperband-iter', 'hyperband needs min_iter or max_iter.', {
          path: 'early_terminate',
          expected: 'min_iter (first band) or max_iter with s (number of bands)',
          received: et,
          fix: 'Add min_iter: 3, or max_iter: 27 and s: 2.',
        }),
      );
    } else {
      const bands = hyperbandBands(et);
      if (bands.length === 0) {
        problems.push(
          configError('hyperband-bands', 'these hyperband settings give no band to stop trials at.', {
            path: 'early_terminate',
            expected: 'max_iter / eta >= 1 and s >= 1 (or min_iter)',
            received: et,
            fix: 'Increase s or max_iter, decrease eta, or use min_iter.',
          }),
        );
      }
      earlyTerminate = {
        type: 'hyperband',
        eta: et.eta,
        bands,
        strict: et.strict,
        ...(et.min_iter !== undefined ? { min_iter: et.min_iter } : {}),
        ...(et.max_iter !== undefined ? { max_iter: et.max_iter } : {}),
        s: et.s,
      };
    }
  }
  const maxTrials = data.sweep_max_count ?? data.run_cap;
  if (maxTrials === undefined && data.method !== 'grid' && data.metric.target === undefined) {
    problems.push(
      configError('sweep-unbounded', `a ${data.method} search needs a trial count or a target to stop.`, {
        path: 'sweep_max_count',
        expected: 'sweep_max_count (or run_cap), or metric.target',
        received: undefined,
        fix: 'Add sweep_max_count: 50.',
      }),
    );
  }
  if (problems.length > 0) throw new ConfigProblems(problems);
  return {
    method: data.method,
    metric: {
      name: data.metric.name,
      goal: data.metric.goal,
      ...(data.metric.target !== undefined ? { target: data.metric.target } : {}),
    },
    parameters,
    ...(earlyTerminate ? { early_terminate: earlyTerminate } : {}),
    ...(maxTrials !== undefined ? { maxTrials } : {}),
    seed: data.seed ?? 0,
    tpe: tpeOptions(data.tpe),
    raw: data as Record<string, unknown>,
  };
}

/**
 * Reads a sweep from a `.yaml`/`.yml`/`.json` file (relative to `cwd`) or takes an inline mapping, then
 * validates it with {@link parseSweep}. Parameter keys keep their dots (unlike sandbox side configs, a sweep's
 * `a.b:` key is one parameter name, never a nested mapping), and bounds written as floats (`min: 0.0`) give
 * `uniform` as in W&B, not `int_uniform`.
 */
export function loadSweep(source: string | Record<string, unknown>, cwd: string = process.cwd()): Sweep {
  if (typeof source !== 'string') return parseSweep(source);
  const file = resolve(cwd, source);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw configError('sweep-missing', 'the sweep file does not exist.', {
      path: 'hpo_config',
      expected: 'an existing .yaml, .yml or .json file (relative to the working directory)',
      received: source,
      fix: `Check the path (cwd: ${cwd}).`,
      cause: String(cause),
    });
  }
  // JSON is read as YAML too (a superset), so that float bounds written `0.0` stay floats (see markFloatBounds).
  const doc = parseDocument(text);
  const syntax = doc.errors[0];
  if (syntax) {
    throw configError('sweep-parse', `cannot parse ${source}: ${syntax.message}`, {
      path: 'hpo_config',
      location: {
        file,
        ...(syntax.linePos?.[0] ? { line: syntax.linePos[0].line, column: syntax.linePos[0].col } : {}),
      },
    });
  }
  const parsed: unknown = doc.toJS();
  markFloatBounds(doc, parsed);
  try {
    return parseSweep(parsed);
  } catch (error) {
    // Problems name their file in data, for the CLI to render next to the path.
    if (isDjSandboxError(error) && error.code === 'config-invalid')
      for (const p of (error as ConfigProblems).problems) p.data.location = { file };
    throw error;
  }
}

/**
 * The `tpe:` block over the defaults. `n_ei_candidates_pending` left out is twice `n_ei_candidates`, so raising the
 * one raises the other (48 with the defaults).
 */
function tpeOptions(given: Partial<TpeOptions> | undefined): TpeOptions {
  const merged = { ...TPE_DEFAULTS, ...given };
  if (given?.n_ei_candidates_pending === undefined) merged.n_ei_candidates_pending = 2 * merged.n_ei_candidates;
  return merged;
}
