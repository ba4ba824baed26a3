import { readJsonRows } from '@dj-sandbox/core';
import type { CaptionPair } from '../metrics/caption-pair.ts';
import { tokenizeCaption } from '../tokenize/ptb-tokenizer.ts';

/** Why a row could not be read, with its 1-based row number. */
export interface CaptionRowProblem {
  readonly row: number;
  readonly problem: string;
}

function readDotted(row: Record<string, unknown>, key: string): unknown {
  if (key in row) return row[key];
  let value: unknown = row;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Reads the rows of a caption dataset and tokenises them as pycocoevalcap does. A row whose candidate is not a
 * string, or whose references are not a non-empty list of strings (one string counts as a list of one), is a
 * problem; the caller reports them all at once.
 */
export async function readCaptionPairs(
  file: string,
  candidateKey: string,
  referencesKey: string,
): Promise<{ pairs: CaptionPair[]; problems: CaptionRowProblem[] }> {
  const pairs: CaptionPair[] = [];
  const problems: CaptionRowProblem[] = [];
  let rowNo = 0;
  for await (const row of readJsonRows(file)) {
    rowNo++;
    const candidate = readDotted(row, candidateKey);
    const raw = readDotted(row, referencesKey);
    const references = typeof raw === 'string' ? [raw] : raw;
    if (typeof candidate !== 'string') {
      problems.push({ row: rowNo, problem: `${candidateKey} is ${JSON.stringify(candidate) ?? 'missing'}` });
    } else if (
      !Array.isArray(references) ||
      references.length === 0 ||
      !references.every((r) => typeof r === 'string')
    ) {
      problems.push({ row: rowNo, problem: `${referencesKey} is ${JSON.stringify(raw) ?? 'missing'}` });
    } else {
      pairs.push({ candidate: tokenizeCaption(candidate), references: references.map(tokenizeCaption) });
    }
  }
  return { pairs, problems };
}
