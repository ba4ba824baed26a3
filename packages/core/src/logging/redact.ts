/** `scheme://user:password@` in a URL: the password part is what must never be printed or written. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@:]*):([^\s/@]+)@/gi;

/**
 * Text with the password of every URL replaced by `***` (`http://me:s3cret@host` → `http://me:***@host`). Applied
 * wherever text leaves the process: the terminal, log files, `run.json`, events, the report.
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, (_match, scheme: string, user: string) => `${scheme}${user}:***@`);
}
