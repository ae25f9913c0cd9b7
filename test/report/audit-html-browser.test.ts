import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project';
import { BASIC_FIXTURE, E2E_TIMEOUT_MS, REPO_ROOT, copyProject, runCli } from './helpers';

/**
 * The HTML page in a real headless Chromium (Debian's package; nothing is downloaded). Without Chromium the
 * test skips locally and fails in CI, where .ci/run installs it: `apt-get install -y chromium`.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);
const runHere = hasChromium || Boolean(process.env.CI);

if (!runHere) {
  console.warn(`skipping the audit HTML browser test: ${CHROMIUM} is missing (apt-get install -y chromium); in CI it runs and fails instead`);
}

describe.skipIf(!runHere)('audit --format html in headless Chromium', { timeout: E2E_TIMEOUT_MS }, () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing: CI must install it with apt-get install -y chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Writes the page with the CLI, opens it offline, and records every request besides the page itself. */
  async function openReport(project: string): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
    const dir = copyProject(project);
    const result = runCli(['audit', '--format', 'html', '--output', 'audit.html'], dir);
    expect(result.code, result.stderr).toBe(0);
    const file = join(dir, 'audit.html');
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ offline: true, viewport: { width: 1440, height: 1000 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    await context.route('**/*', async (route) => {
      if (route.request().url() === url) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (request) => {
      if (request.url() !== url && !requests.includes(request.url())) requests.push(request.url());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    expect(readFileSync(file, 'utf8')).toContain('<table class="matrix">');
    return { page, requests, dialogs };
  }

  it('shows the environments x providers matrix of the shipped config, with no network request', async () => {
    const { page, requests } = await openReport(REPO_ROOT);
    const columns = await page.locator('table.matrix thead th.env').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-environment')));
    expect(columns).toEqual(['testing', 'staging', 'production']);
    const rows = await page.locator('table.matrix tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-provider')));
    expect(rows).toEqual(expect.arrayContaining(['GARMIN', 'STRAVA', 'GOOGLE', 'HUAWEI', 'VIRTUAGYM', 'FREESTYLELIBRE', 'APPLE', 'SAMSUNG']));
    const declared = new Set(loadProject({ root: REPO_ROOT, rules: [] }).environments.flatMap((e) => Object.keys(e.model!.providers)));
    expect(rows.sort()).toEqual([...declared].sort());

    // The dedicated-key marker: a labelled pill with a heavier border than the managed one.
    const strava = page.locator('tr[data-provider="STRAVA"] td[data-environment="production"]');
    await expect.poll(() => strava.getAttribute('class')).toContain('cell-dedicated');
    expect(await strava.locator('.pill').innerText()).toBe('dedicated keys');
    expect(await strava.innerText()).toContain('client id 118025');
    const border = (cell: string) => page.locator(cell).evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).borderTopWidth);
    expect(await border('tr[data-provider="STRAVA"] td[data-environment="production"] .pill')).toBe('2px');
    expect(await border('tr[data-provider="GARMIN"] td[data-environment="production"] .pill')).toBe('1px');
    expect(await page.locator('tr[data-provider="GARMIN"] td[data-environment="production"] .pill').innerText()).toBe('Terra keys');
    expect(await page.locator('tr[data-provider="HUAWEI"] td[data-environment="testing"]').innerText()).toBe('—');
    expect(await page.locator('tr[data-provider="APPLE"] th').innerText()).toContain('mobile SDK only');

    // The matrix starts within the first screen: it reads at a glance.
    const box = await page.locator('table.matrix').boundingBox();
    expect(box!.y).toBeLessThan(400);
    expect(await page.locator('table.matrix').isVisible()).toBe(true);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'audit.png'), fullPage: true });

    // Printing keeps the header row on every page and produces a document.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('table.matrix thead').evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).display)).toBe('table-header-group');
    const pdf = await page.pdf({ path: join(ARTIFACTS, 'audit.pdf'), landscape: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(requests).toEqual([]);
    await page.context().close();
  });

  it('renders hostile config values as text: no script runs, no request leaves', async () => {
    const { page, requests, dialogs } = await openReport(BASIC_FIXTURE);
    expect(await page.locator('script').count()).toBe(0);
    const pilot = await page.locator('section.env[data-environment="pilot"]').innerText();
    expect(pilot).toContain("<script>alert('x')</script>");
    expect(pilot).toContain('https://hooks.pilot.example/terra/events?…');
    expect(pilot).not.toContain('querytoken123');
    expect(await page.locator('tr[data-provider="POLAR"] td[data-environment="pilot"]').innerText()).toContain('[hidden: flagged as a possible secret]');
    expect(await page.locator('tr[data-provider="GARMIN"] td[data-environment="broken"] .pill').innerText()).toBe('unknown');
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    await page.context().close();
  });
});
