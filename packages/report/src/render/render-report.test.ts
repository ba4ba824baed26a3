import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../build-report.ts';
import { writeReport } from '../write-report.ts';
import { renderReport } from './render-report.ts';

const fixtures = join(import.meta.dirname, '..', '__fixtures__');
const scratch = mkdtempSync(join(tmpdir(), 'report-render-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const noBundles = { vega: '/*vega*/', vegaLite: '/*vega-lite*/', vegaEmbed: '/*vega-embed*/' };

function failedRun(): string {
  const dir = join(scratch, 'failed');
  mkdirSync(dir, { recursive: true });
  const t = (s: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + s * 1000).toISOString();
  writeFileSync(
    join(dir, 'run.json'),
    JSON.stringify({
      config: { project_name: 'p<script>', work_dir: './failed' },
      plugins: [],
      startedAt: t(0),
      endedAt: t(5),
      status: 'failed',
      error: '[job:train] boom </script><img src=x onerror=alert(1)>',
    }),
  );
  const events = [
    {
      time: t(0),
      type: 'job-start',
      iteration: 1,
      pipeline: 'p',
      group: 'execution_job_configs',
      hook: 'TrainModelHook',
      metaName: 'train',
    },
    {
      time: t(4),
      type: 'job-fail',
      iteration: 1,
      pipeline: 'p',
      hook: 'TrainModelHook',
      metaName: 'train',
      error: 'boom </script>',
    },
  ];
  writeFileSync(join(dir, 'events.jsonl'), `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  return dir;
}

describe('renderReport', () => {
  it('inlines the chart libraries and every spec, and links to nothing outside the file', async () => {
    const html = renderReport(await buildReport(join(fixtures, 'data-pools-run', 'outputs', 'data-pools')), noBundles);
    expect(html).toContain('<script>/*vega*/</script>');
    expect(html).toContain('<script>/*vega-embed*/</script>');
    expect(html.match(/data-chart="/g)).toHaveLength(1);
    expect(html).toContain('<script type="application/json" id="spec-chart-1">');
    expect(html).not.toMatch(/<link|<script[^>]+src=|src="https?:/);
    expect(html.match(/<img alt="[^"]+" src="data:image\/png;base64,/g)).toHaveLength(8);
  });

  it('escapes what a run recorded, so an error message cannot end a script or add an element', async () => {
    const html = renderReport(await buildReport(failedRun()), noBundles);
    expect(html).toContain('boom &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<title>p&lt;script&gt; · failed</title>');
    expect(html).toContain('data-status="failed"');
  });

  it('says why a section is empty instead of leaving it blank', async () => {
    const html = renderReport(await buildReport(failedRun()), noBundles);
    expect(html).toContain('No training curves: no metric was tracked with a <code>step</code> in this run.');
    expect(html).toContain('No data pools: no <code>*.meta.json</code> sidecar was found.');
    expect(html).not.toContain('id="study"');
  });

  it('writes the report to <work_dir>/report.html by default and returns its path', async () => {
    const dir = failedRun();
    const out = await writeReport({ workDir: dir });
    expect(out).toBe(join(dir, 'report.html'));
  });
});
