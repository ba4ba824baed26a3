import { installCommands } from '@dj-sandbox/env-manager';
import { describe, expect, it } from 'vitest';
import { INTERNVL_EXTRA_REQUIREMENTS } from './internvl-env.ts';

describe("InternVL's extra requirements", () => {
  it("reach pip through env-manager with flash-attn's --no-build-isolation as its own argument", () => {
    expect(installCommands(INTERNVL_EXTRA_REQUIREMENTS, '/')).toEqual([
      ['datasets', 'deepspeed==0.15.4'],
      ['flash-attn==2.3.6', '--no-build-isolation'],
    ]);
  });
});
