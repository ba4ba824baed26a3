import { compilePyRegex } from '../../mappers/internal/py-regex.ts';

/** Lower-cases (optionally) and deletes `ignore_pattern` matches, as the near-dedup ops do before shingling. */
export function textNormalizer(
  op: string,
  lowercase: boolean,
  ignorePattern: string | null | undefined,
): (t: string) => string {
  const ignore = ignorePattern ? compilePyRegex(ignorePattern, `${op}.ignore_pattern`) : null;
  return (text) => {
    if (lowercase) text = text.toLowerCase();
    if (ignore) text = text.replace(ignore, '');
    return text;
  };
}
