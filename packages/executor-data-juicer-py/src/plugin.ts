import { dataEnginesPoint, definePlugin, operatorCatalogPoint, versionOf } from '@dj-sandbox/core';
import { z } from 'zod';
import type { DataJuicerPyOptions } from './engine-env.ts';
import { dataJuicerOperators } from './manifest.ts';
import { pythonDataEngine } from './python-engine.ts';

const optionsSchema = z
  .object({
    env_py_version: z.string().optional(),
    env_manager: z.enum(['uv', 'venv', 'virtualenv', 'conda', 'mamba']).optional(),
    env_name: z.string().optional(),
    extra_deps: z.array(z.string()).optional(),
  })
  .strict();

/**
 * Data-Juicer (PyPI `py-data-juicer`) as a second data engine: contributes the engine that the native engine hands
 * recipes to when they need operators it lacks (or `engine: python`, or `executor_type: ray`), and the catalogue of
 * every Data-Juicer operator for validation.
 */
export default definePlugin<DataJuicerPyOptions>({
  id: 'executor-data-juicer-py',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'Data-Juicer itself (Python) as a data engine: every Data-Juicer operator, and Ray.',
  options: optionsSchema,
  register(reg, options) {
    reg.extend(dataEnginesPoint, pythonDataEngine(options ?? {}));
    reg.extend(operatorCatalogPoint, ...dataJuicerOperators());
  },
});
