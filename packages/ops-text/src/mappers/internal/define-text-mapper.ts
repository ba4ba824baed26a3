import { defineOperator, type OperatorDefinition, type OperatorEnv, type Sample } from '@dj-sandbox/core';
import { getNested } from '../../common/nested.ts';

/** What a text mapper's parameters always carry. */
export interface TextKeyParams {
  text_key: string;
}

/** How a text mapper is written: a name, its schema, and a factory for the per-text transform. */
export interface TextMapperSpec<P extends TextKeyParams> {
  name: string;
  description: string;
  params: OperatorDefinition<'mapper', P>['params'];
  requires?: readonly string[];
  /** Builds the text transform once per op instance (compile regexes, load dictionaries here). */
  transform(params: P, env: OperatorEnv): (text: string) => string;
}

/**
 * Defines a batched mapper that rewrites `sample[text_key]` in place, as every Data-Juicer text mapper does
 * (docs/text-operators.md#mappers). A sample whose text is not a string is left as it is (Data-Juicer would raise and,
 * with `skip_op_error`, drop the whole batch; we keep the data and leave the value alone).
 */
export function defineTextMapper<P extends TextKeyParams>(spec: TextMapperSpec<P>): OperatorDefinition<'mapper', P> {
  return defineOperator<'mapper', P>({
    name: spec.name,
    kind: 'mapper',
    description: spec.description,
    params: spec.params,
    batched: true,
    ...(spec.requires ? { requires: spec.requires } : {}),
    create(params, env) {
      const fn = spec.transform(params, env);
      const key = params.text_key;
      return {
        processBatch(samples: Sample[]): Sample[] {
          if (!key.includes('.')) {
            for (const sample of samples) {
              const text = sample[key];
              if (typeof text === 'string') sample[key] = fn(text);
            }
            return samples;
          }
          for (const sample of samples) {
            const text = getNested(sample, key);
            if (typeof text === 'string') setNested(sample, key, fn(text));
          }
          return samples;
        },
      };
    },
  });
}

/** Writes back where {@link getNested} read: the flat dotted key if present, else level by level. */
function setNested(sample: Sample, dottedKey: string, value: string): void {
  if (dottedKey in sample) {
    sample[dottedKey] = value;
    return;
  }
  const parts = dottedKey.split('.');
  let current = sample as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) current = current[parts[i] as string] as Record<string, unknown>;
  current[parts[parts.length - 1] as string] = value;
}
