import { describe, expect, it } from 'vitest';
import { cleanEmailMapper, DEFAULT_EMAIL_PATTERN } from '../clean-email-mapper.ts';
import { cleanLinksMapper, DEFAULT_LINKS_PATTERN } from '../clean-links-mapper.ts';
import { runMapper } from './test-run.ts';

const TEXTS = [
  'no link and no address here, only words.',
  'see http://example.com/a_(b) and ftp://x.org',
  'go to WWW.Example.COM today or www3.test.net.',
  'a path like example.co.uk/index.html in prose',
  'mailto:someone and a colon: then text',
  'write to Jane.Doe+news@example.org or ADMIN@EXAMPLE.COM',
  'an @ sign alone, and user@host without a dot',
  'ſtrange ſcheme:// and Kelvin K:/ cases',
  'links\u3000http://a.b/c\u00a0and(http://x.y/(z))end, x:y:z http://q.r/s,',
  'http://start.com/x and a@b.co at the ends http://end.org/',
  'two in one run: a@b.com,c@d.org and http://a.com/x,http://b.com/y',
];

describe('the pattern-replace mappers with their default patterns', () => {
  it('give what the same pattern given as a parameter (no pre-test) gives', async () => {
    for (const [op, pattern] of [
      [cleanLinksMapper, DEFAULT_LINKS_PATTERN],
      [cleanEmailMapper, DEFAULT_EMAIL_PATTERN],
    ] as const) {
      const byDefault = await runMapper(op as never, TEXTS, {});
      const explicit = await runMapper(op as never, TEXTS, { pattern });
      expect(byDefault).toEqual(explicit);
      expect(byDefault).not.toEqual(TEXTS);
    }
  });
});
