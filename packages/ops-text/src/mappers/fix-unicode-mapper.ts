import { configError } from '@dj-sandbox/core';
import { z } from 'zod';
import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { fixText, type NormalizationForm } from './internal/ftfy/fix-text.ts';

const FORMS = ['NFC', 'NFKC', 'NFD', 'NFKD'];
const params = opParams({ normalization: z.string().nullable().default(null) });

/**
 * `fix_unicode_mapper`: repairs mojibake and other Unicode damage, then normalizes (docs/text-operators.md#mappers).
 * `normalization` is upper-cased; null or empty means NFC. Uses this package's ftfy-like fixer (ftfy has no JavaScript
 * port).
 */
export const fixUnicodeMapper = defineTextMapper<z.output<typeof params>>({
  name: 'fix_unicode_mapper',
  description: 'Fixes mojibake, HTML entities, odd quotes and widths, then applies Unicode normalization.',
  params,
  transform: (p) => {
    const form = p.normalization ? p.normalization.toUpperCase() : 'NFC';
    if (!FORMS.includes(form)) {
      throw configError('op-invalid-param', `fix_unicode_mapper.normalization '${p.normalization}' is not supported`, {
        path: 'fix_unicode_mapper.normalization',
        expected: 'one of NFC, NFKC, NFD, NFKD (or null for NFC)',
        received: p.normalization,
        fix: 'use NFC unless you need compatibility folding (NFKC)',
      });
    }
    return (text) => fixText(text, form as NormalizationForm);
  },
});
