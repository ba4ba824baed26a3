/**
 * Data-Juicer's formatters and the suffixes they load (docs/recipes.md#loading-files; TextFormatter's list from
 * `formatter/text_formatter.py`).
 */
export type FormatterName = 'json' | 'parquet' | 'csv' | 'tsv' | 'text';

const TEXT_SUFFIXES = [
  '.docx',
  '.pdf',
  '.txt',
  '.md',
  '.tex',
  '.asm',
  '.bat',
  '.cmd',
  '.c',
  '.h',
  '.cs',
  '.cpp',
  '.hpp',
  '.c++',
  '.h++',
  '.cc',
  '.hh',
  '.C',
  '.H',
  '.cmake',
  '.css',
  '.dockerfile',
  '.f90',
  '.f',
  '.f03',
  '.f08',
  '.f77',
  '.f95',
  '.for',
  '.fpp',
  '.go',
  '.hs',
  '.html',
  '.java',
  '.js',
  '.jl',
  '.lua',
  '.markdown',
  '.php',
  '.php3',
  '.php4',
  '.php5',
  '.phps',
  '.phpt',
  '.pl',
  '.pm',
  '.pod',
  '.perl',
  '.ps1',
  '.psd1',
  '.psm1',
  '.py',
  '.rb',
  '.rs',
  '.sql',
  '.scala',
  '.sh',
  '.bash',
  '.command',
  '.zsh',
  '.ts',
  '.tsx',
  '.vb',
  'Dockerfile',
  'Makefile',
  '.xml',
  '.rst',
  '.m',
  '.smali',
];

/** Suffixes per formatter, in Data-Juicer's formatter order (which also breaks ties). */
export const FORMATTER_SUFFIXES: ReadonlyArray<readonly [FormatterName, readonly string[]]> = [
  ['json', ['.json', '.jsonl', '.json.zst', '.jsonl.zst', '.json.gz', '.jsonl.gz']],
  ['parquet', ['.parquet']],
  ['csv', ['.csv', '.csv.gz', '.csv.zst']],
  ['tsv', ['.tsv', '.tsv.gz', '.tsv.zst']],
  ['text', TEXT_SUFFIXES],
];

/** Compression suffixes we decompress while streaming. */
export const COMPRESSIONS = ['.gz', '.zst'] as const;

/**
 * The suffix a file is counted under: its last suffix, or the last two for compressed files (`.jsonl.zst`); the
 * bare names `Dockerfile` / `Makefile` count as themselves.
 */
export function fileSuffix(fileName: string): string {
  if (fileName === 'Dockerfile' || fileName === 'Makefile') return fileName;
  const parts = fileName.split('.');
  if (parts.length < 2) return '';
  const last = `.${parts[parts.length - 1]}`;
  if ((COMPRESSIONS as readonly string[]).includes(last.toLowerCase()) && parts.length >= 3) {
    return `.${parts[parts.length - 2]}${last}`.toLowerCase();
  }
  // TextFormatter lists `.C` / `.H` next to `.c` / `.h`, so case matters only for those two.
  return last === '.C' || last === '.H' ? last : last.toLowerCase();
}

/** The formatter whose suffixes include `suffix`, if any. */
export function formatterFor(suffix: string): FormatterName | undefined {
  for (const [name, suffixes] of FORMATTER_SUFFIXES) if (suffixes.includes(suffix)) return name;
  return undefined;
}
