import { configError } from '@dj-sandbox/core';

const UNITS: Record<string, bigint> = { kb: 10n, mb: 20n, gb: 30n, tb: 40n, pb: 50n, eb: 60n, zb: 70n, yb: 80n };

/**
 * Data-Juicer's `size_to_bytes`: the digits of the text form the number and its letters the unit (KB = KiB = 2^10,
 * up to YB). Like Data-Juicer it drops every other character, so "1.5MB" reads as 15 MB; a test pins this.
 */
export function sizeToBytes(size: string | number, key: string): number {
  const text = String(size);
  const letters = [...text]
    .filter((c) => /\p{L}/u.test(c))
    .join('')
    .toLowerCase();
  const digits = [...text].filter((c) => /\p{Nd}/u.test(c)).join('');
  const fail = (why: string) =>
    configError('op-param-invalid', `audio_size_filter: ${key} ${why}`, {
      path: `audio_size_filter.${key}`,
      expected: 'a size such as "0", "512KB", "10MB" or "1TB"',
      received: text,
      fix: `write ${key} as digits and one of KB, MB, GB, TB, PB, EB, ZB, YB (or KiB ... YiB)`,
    });
  if (!digits) throw fail('has no digits');
  const number = BigInt(digits);
  if (!letters) return Number(number);
  const shift = UNITS[letters.replace(/ib$/, 'b')];
  if (shift === undefined || !/^[kmgtpezy](i?)b$/.test(letters)) throw fail(`has an unknown unit '${letters}'`);
  return Number(number << shift);
}
