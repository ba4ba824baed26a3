import { configError } from '@dj-sandbox/core';

const UNITS: Readonly<Record<string, number>> = { kb: 10, mb: 20, gb: 30, tb: 40, pb: 50, eb: 60, zb: 70, yb: 80 };

/**
 * Data-Juicer's `size_to_bytes`: the digits of the string (every digit, so `1.5MB` reads as 15 MB, as Data-Juicer
 * reads it) times the binary unit made of its letters (`KB`/`KiB` = 1024, case-insensitive; none = bytes).
 */
export function sizeToBytes(size: string, param: string): number {
  const digits = [...size].filter((c) => c >= '0' && c <= '9').join('');
  const letters = [...size]
    .filter((c) => /\p{L}/u.test(c))
    .join('')
    .toLowerCase();
  if (digits === '') {
    throw configError('op-param', `image_size_filter: ${param} does not contain numbers: ${size}`, {
      path: param,
      expected: 'a size such as "0", "150KB", "1MB", "1TB"',
      received: size,
      fix: 'write the size with digits and an optional unit',
    });
  }
  const number = Number(digits);
  if (letters === '') return number;
  const shift = UNITS[letters.replace(/ib$/, 'b')];
  if (shift === undefined) {
    throw configError('op-param', `image_size_filter: unidentifiable unit ${letters} in ${param}`, {
      path: param,
      expected: 'KB, MB, GB, TB, PB, EB, ZB, YB or KiB ... YiB (case-insensitive, counted in bytes)',
      received: size,
      fix: 'use one of the units above',
    });
  }
  return number * 2 ** shift;
}
