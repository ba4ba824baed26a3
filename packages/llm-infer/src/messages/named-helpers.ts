import { configError } from '@dj-sandbox/core';
import type { InferCaller } from '../caller.ts';
import { BUILD_MESSAGES_FUNCS, type BuildMessages, PARSE_OUTPUT_FUNCS, type ParseOutput } from './helpers.ts';

/** The message builder and output parser a config names. */
export interface NamedHelpers {
  readonly buildMessages: BuildMessages;
  readonly parseOutput: ParseOutput;
}

function helper<T>(caller: InferCaller, registry: Readonly<Record<string, T>>, key: string, name: string): T {
  const found = registry[name];
  if (found) return found;
  throw configError(`${caller.kind}-helper-unknown`, `${key} names no known helper.`, {
    plugin: caller.plugin,
    path: `extra_configs.${key}`,
    expected: `one of ${Object.keys(registry).join(', ')}`,
    received: name,
    fix:
      name === 'build_input'
        ? 'The reference defaults to build_input, which it never registered: set build_messages_func explicitly.'
        : `Use one of ${Object.keys(registry).join(', ')}.`,
  });
}

/**
 * Looks up `build_messages_func` and `parse_output_func` in the reference's registries; an unknown name is a
 * config error naming the key (the reference's default `build_input` gets its own fix, as it was never registered).
 */
export function namedHelpers(caller: InferCaller, buildMessagesFunc: string, parseOutputFunc: string): NamedHelpers {
  return {
    buildMessages: helper(caller, BUILD_MESSAGES_FUNCS, 'build_messages_func', buildMessagesFunc),
    parseOutput: helper(caller, PARSE_OUTPUT_FUNCS, 'parse_output_func', parseOutputFunc),
  };
}
