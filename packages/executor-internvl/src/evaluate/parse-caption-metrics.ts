/** The metrics the reference reads from InternVL's caption evaluation, in its order. */
export const COCO_CAPTION_DIMENSIONS = ['Bleu_1', 'Bleu_2', 'Bleu_3', 'Bleu_4', 'METEOR', 'ROUGE_L', 'CIDEr'] as const;

/**
 * Reads the metrics of one evaluation run from its output lines as the reference does: for each dimension the
 * first `<dim>: <value>` (pycocoevalcap's `print("%s: %0.3f" % (method, score))`), as a float; dimensions not found
 * are left out. Only this run's lines are read, so an older result in the appended `eval_log.txt` never leaks in.
 */
export function parseCaptionMetrics(lines: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const dim of COCO_CAPTION_DIMENSIONS) {
    const pattern = new RegExp(`${dim}: (.*)$`);
    for (const line of lines) {
      const m = pattern.exec(line);
      if (!m) continue;
      const value = Number(m[1]!.trim());
      if (!Number.isNaN(value) && m[1]!.trim() !== '') result[dim] = value;
      break;
    }
  }
  return result;
}
