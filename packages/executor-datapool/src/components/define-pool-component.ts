import {
  type Component,
  type ComponentDefinition,
  type ComponentKind,
  defineComponent,
  runInfoRef,
} from '@dj-sandbox/core';
import type { z } from 'zod';
import type { PoolContext } from '../helpers/pool-context.ts';
import { DuckSession } from '../io/duck-session.ts';

/** What a data-pool component is made of: its type, parameter schema and the manipulator that runs it. */
export interface PoolComponentSpec<S extends z.ZodType> {
  kind: ComponentKind;
  type: string;
  description: string;
  params: S;
  run(params: z.output<S>, ctx: PoolContext): Promise<unknown>;
}

/**
 * Wraps a manipulator as a component: the factory validates the config with the schema (Data-Juicer's defaults,
 * the reference's error messages), and each `run` gets a fresh DuckDB session that is closed afterwards.
 */
export function definePoolComponent<S extends z.ZodType>(spec: PoolComponentSpec<S>): ComponentDefinition<z.output<S>> {
  return defineComponent<z.output<S>>({
    kind: spec.kind,
    type: spec.type,
    description: spec.description,
    config: spec.params,
    create(params, env): Component {
      return {
        async run() {
          const session = await DuckSession.open();
          try {
            return await spec.run(params, {
              session,
              cwd: env.resolve(runInfoRef).cwd,
              logger: env.logger,
              workDir: env.workDir,
              iteration: env.scope.iteration,
              pipeline: env.scope.pipeline,
              ...(env.scope.metaName !== null ? { job: env.scope.metaName } : {}),
            });
          } finally {
            await session.close();
          }
        },
      };
    },
  });
}
