/**
 * Stats Data-Juicer's helper code computes with default params, printed to 6 decimals
 * (docs/text-operators.md#reference-values). The first six texts are Data-Juicer's `demo-dataset.jsonl` (copied to
 * `src/__fixtures__/`).
 */
export interface ReferenceRow {
  text: string;
  text_len: number;
  alnum_ratio: number;
  avg_line_length: number;
  max_line_length: number;
  char_rep_ratio: number;
  word_rep_ratio: number;
  word_rep_ratio_3: number;
  special_char_ratio: number;
  num_words: number;
}

const row = (text: string, ...v: number[]): ReferenceRow => ({
  text,
  text_len: v[0]!,
  alnum_ratio: v[1]!,
  avg_line_length: v[2]!,
  max_line_length: v[3]!,
  char_rep_ratio: v[4]!,
  word_rep_ratio: v[5]!,
  word_rep_ratio_3: v[6]!,
  special_char_ratio: v[7]!,
  num_words: v[8]!,
});

/** The rows of the reference table (docs/text-operators.md#reference-values). */
export const REFERENCE_ROWS: readonly ReferenceRow[] = [
  row("Today is Sunday and it's a happy day!", 37, 0.756757, 37.0, 37, 0, 0, 0, 0.243243, 8),
  row('Do you need a cup of coffee?', 28, 0.75, 28.0, 28, 0, 0, 0, 0.25, 7),
  row('你好，请问你是谁', 8, 0.875, 8.0, 8, 0, 0, 0, 0.125, 1),
  row(
    "Sur la plateforme MT4, plusieurs manières d'accéder à ces fonctionnalités sont conçues simultanément.",
    101,
    0.851485,
    101.0,
    101,
    0,
    0,
    0,
    0.158416,
    13,
  ),
  row('欢迎来到阿里巴巴！', 9, 0.888889, 9.0, 9, 0, 0, 0, 0.111111, 1),
  row('This paper proposed a novel method on LLM pretraining.', 54, 0.833333, 54.0, 54, 0, 0, 0, 0.166667, 9),
  row(
    "Today is Sunday Sunday Sunday Sunday Sunday and it's a happy day!",
    65,
    0.8,
    65.0,
    65,
    0.428571,
    0,
    0.3,
    0.2,
    12,
  ),
  row(`${'a'.repeat(44)}\nline two here ok`, 61, 0.934426, 30.5, 44, 0.673077, 0, 0, 0.065574, 5),
];
