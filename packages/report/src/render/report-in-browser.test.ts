import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../test-helpers/chromium.ts';
import { writeReport } from '../write-report.ts';

const fixtures = join(import.meta.dirname, '..', '__fixtures__');
const scratch = mkdtempSync(join(tmpdir(), 'report-browser-'));
// Kept after the run, so a person can look at what the browser drew.
const screenshots = mkdtempSync(join(tmpdir(), 'report-screenshots-'));
let browser: BrowserContext | undefined;

interface PageFacts {
  problems: string[];
  requests: string[];
  charts: Array<{ id: string; rendered: string | undefined; marks: number }>;
  images: Array<{ name: string; width: number }>;
}

/** Opens a report, waits for its charts, takes a full-page screenshot and returns what the page did. */
async function openReport(html: string, screenshot: string): Promise<PageFacts> {
  const page = await browser!.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!/^(file|data):/.test(r.url())) requests.push(r.url());
  });
  await page.goto(`file://${html}`);
  await page.waitForSelector('body[data-charts="ready"]', { timeout: 30_000 });
  const charts = await page.$$eval('[data-chart]', (els) =>
    els.map((el) => ({
      id: el.id,
      rendered: (el as unknown as { dataset: Record<string, string | undefined> }).dataset.rendered,
      // vega draws every mark as a child of a `g.mark-*` group inside the svg.
      marks: el.querySelectorAll(
        'svg g[class*="mark-"] > path, svg g[class*="mark-"] > text, svg g[class*="mark-"] > line',
      ).length,
    })),
  );
  const images = await page.$$eval('.figure img', (els) =>
    els.map((el) => ({
      name: el.getAttribute('alt') ?? '',
      width: (el as unknown as { naturalWidth: number }).naturalWidth,
    })),
  );
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { problems, requests, charts, images };
}

describe.skipIf(chromiumMissing !== null)(
  chromiumMissing ? `the report in headless Chromium (skipped: ${chromiumMissing})` : 'the report in headless Chromium',
  () => {
    beforeAll(async () => {
      browser = await launchChromium(scratch);
    });
    afterAll(async () => {
      await browser?.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    it('draws the job timeline and shows every analyzer figure of a data-pools run, offline and without errors', async () => {
      const html = await writeReport({
        workDir: join(fixtures, 'data-pools-run', 'outputs', 'data-pools'),
        out: join(scratch, 'data-pools', 'report.html'),
      });
      const shot = join(screenshots, 'data-pools.png');
      const facts = await openReport(html, shot);
      expect(facts.problems).toEqual([]);
      expect(facts.requests).toEqual([]);
      expect(facts.charts).toHaveLength(1);
      // Eight jobs give eight bars, plus axis and legend marks.
      expect(facts.charts[0]).toMatchObject({ id: 'chart-1', rendered: 'true' });
      expect(facts.charts[0]!.marks).toBeGreaterThanOrEqual(8);
      expect(facts.images).toHaveLength(8);
      expect(facts.images.every((i) => i.width > 100)).toBe(true);
      expect(existsSync(shot)).toBe(true);
    });

    it('draws the objective by trial, the parallel coordinates and the training curves of a search', async () => {
      const html = await writeReport({
        workDir: join(fixtures, 'search-run', 'outputs', 'search'),
        out: join(scratch, 'search', 'report.html'),
      });
      const facts = await openReport(html, join(screenshots, 'search.png'));
      expect(facts.problems).toEqual([]);
      expect(facts.requests).toEqual([]);
      // objective by trial, parallel coordinates, loss curve, lr curve
      expect(facts.charts.map((c) => c.rendered)).toEqual(['true', 'true', 'true', 'true']);
      for (const chart of facts.charts) expect(chart.marks, chart.id).toBeGreaterThan(5);
    });
  },
);
