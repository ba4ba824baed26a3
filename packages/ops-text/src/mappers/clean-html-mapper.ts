import { opParams } from '../common/base-params.ts';
import { defineTextMapper } from './internal/define-text-mapper.ts';
import { htmlBodyText } from './internal/html-text.ts';

/**
 * Data-Juicer's clean_html step for one text: `<li>`/`<ol>` become `\n*`, `</li>`/`</ol>` vanish (literal,
 * case-sensitive substitutions), then the body text of the parsed document is returned
 * (docs/text-operators.md#mappers).
 */
export function cleanHtml(raw: string): string {
  const html = raw.replaceAll('<li>', '\n*').replaceAll('</li>', '').replaceAll('<ol>', '\n*').replaceAll('</ol>', '');
  return htmlBodyText(html);
}

/** `clean_html_mapper`: replaces HTML by its text content (docs/text-operators.md#mappers). */
export const cleanHtmlMapper = defineTextMapper({
  name: 'clean_html_mapper',
  description: 'Removes HTML tags and returns the text content of the document body.',
  params: opParams({}),
  transform: () => cleanHtml,
});
