import { defineComponent } from '@dj-sandbox/core';
import { type InferConfig, inferConfig } from '../config/infer-config.ts';
import { type PerplexityConfig, perplexityConfig } from '../config/lm-config.ts';
import { parseConfig } from '../config/parse-config.ts';
import { loadLm } from '../lm/lm-checkpoint.ts';
import { evaluateStream, scoreDocuments } from '../lm/score-lm.ts';
import { encodeStream } from '../lm/token-stream.ts';
import { checkpointDir } from './checkpoint-path.ts';
import { componentCwd, existingPaths, readAllRows, textsOf } from './component-io.ts';
import { writeInference } from './write-inference.ts';

/**
 * `ModelInferExecutor` type `proxy_lm`: scores every row of `dataset_path` with a trained checkpoint and writes the
 * rows with `loss` (mean negative log-likelihood per token, nats), `perplexity` and `num_tokens` (tokens scored,
 * end-of-text included) to `export_path`.
 */
export const proxyLmInfer = defineComponent({
  kind: 'ModelInferExecutor',
  type: 'proxy_lm',
  description: 'Per-sample loss and perplexity of a proxy_lm checkpoint, written as JSONL.',
  create(raw, env) {
    const config: InferConfig = parseConfig(inferConfig, raw, { type: 'proxy_lm' });
    return {
      async run() {
        const cwd = componentCwd(env);
        const lm = await loadLm(checkpointDir(config.model_path, cwd, 'model_path', 'proxy_lm'));
        const textKey = config.text_key ?? lm.config.text_key;
        const inputs = [];
        for (const [i, file] of existingPaths(config.dataset_path, cwd, 'dataset_path', 'proxy_lm').entries()) {
          const rows = await readAllRows([file]);
          const stream = encodeStream(lm.tokenizer, textsOf(rows, textKey, 'proxy_lm', file));
          const scores = scoreDocuments(lm.model, stream);
          const scored = rows.map((row, r) => {
            const { nll, tokens } = scores[r]!;
            return { ...row, loss: nll / tokens, perplexity: Math.exp(nll / tokens), num_tokens: tokens };
          });
          inputs.push({ path: config.dataset_path[i]!, rows: scored });
        }
        const written = await writeInference(inputs, config.export_path, cwd);
        env.logger.info('proxy_lm: inference written', { export_path: written });
        return written;
      },
    };
  },
});

/**
 * `ModelEvaluator` type `perplexity`: loads a `proxy_lm` checkpoint (`model_path`, or `ckpt_path`), scores
 * `dataset_path` and resolves to `{ perplexity, loss, tokens, bits_per_byte }` over all its tokens. `bits_per_byte`
 * (total negative log-likelihood in bits over the UTF-8 bytes of the texts) does not depend on the tokenizer, so it
 * compares checkpoints whose tokenizers were learned from different data. The argument of `run` (the
 * reference passes `{}`) is ignored.
 */
export const perplexityEvaluator = defineComponent({
  kind: 'ModelEvaluator',
  type: 'perplexity',
  description: 'Held-out perplexity of a proxy_lm checkpoint on a JSONL dataset.',
  create(raw, env) {
    const config: PerplexityConfig = parseConfig(perplexityConfig, raw, { type: 'perplexity' });
    return {
      async run() {
        const cwd = componentCwd(env);
        const key = config.model_path !== undefined ? 'model_path' : 'ckpt_path';
        const lm = await loadLm(checkpointDir((config.model_path ?? config.ckpt_path)!, cwd, key, 'perplexity'));
        const textKey = config.text_key ?? lm.config.text_key;
        const texts: string[] = [];
        for (const file of existingPaths(config.dataset_path, cwd, 'dataset_path', 'perplexity')) {
          for (const t of textsOf(await readAllRows([file]), textKey, 'perplexity', file)) texts.push(t);
        }
        const { perplexity, loss, tokens } = evaluateStream(lm.model, encodeStream(lm.tokenizer, texts));
        // Per-token perplexity depends on the tokenizer, which each checkpoint learns from its own data; bits per
        // UTF-8 byte of the text does not, so it is the number to compare models trained on different data by.
        const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
        const bitsPerByte = bytes > 0 ? (loss * tokens) / Math.LN2 / bytes : Number.NaN;
        return { perplexity, loss, tokens, bits_per_byte: bitsPerByte };
      },
    };
  },
});
