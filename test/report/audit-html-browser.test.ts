import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  async function openReport(project: string, viewport = { width: 1440, height: 1000 }): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
    const dir = copyProject(project);
    const result = runCli(['audit', '--format', 'html', '--output', 'audit.html'], dir);
    expect(result.code, result.stderr).toBe(0);
    const file = join(dir, 'audit.html');
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ offline: true, viewport });
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
    // Backticks become <code>, and only they: the rest of the description, markup included, stays text.
    const description = page.locator('section.env[data-environment="pilot"] dt:text-is("Description") + dd');
    expect(await description.locator('code').allInnerTexts()).toEqual(['tick']);
    expect(await description.innerText()).toContain("<script>alert('x')</script> | pipe tick *star* _under_ [link](http://evil.example)");
    // A tier that differs from the environment's name is shown under it; a broken file's tier is unknown.
    expect(await page.locator('table.matrix thead th.env[data-environment="pilot"] .env-tier').innerText()).toBe('staging');
    expect(await page.locator('table.matrix thead th.env[data-environment="broken"] .env-tier').innerText()).toBe('tier unknown');
    // Unknown is not a difference: no cell next to the broken file's column is marked against it.
    expect(await page.locator('td.cell-differs').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    await page.context().close();
  });

  it('on a 420 px screen: the provider column stays, findings come by severity, differences are marked', async ({ annotate }) => {
    // The shipped project with one error (testing) and one warning (staging) added, so every severity is listed.
    const project = copyProject(REPO_ROOT);
    edit(join(project, 'config', 'testing.yaml'), 'plannedUsers: 20', 'plannedUsers: 60');
    edit(join(project, 'config', 'staging.yaml'), 'https://hooks.staging.acme-health.example/terra/events', 'https://hooks.acme-health.example/terra/events');
    const { page, requests } = await openReport(project, { width: 420, height: 900 });

    // Findings: every error, then every warning, then every info.
    const severities = await page.locator('table.findings tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-severity')));
    expect(new Set(severities)).toEqual(new Set(['error', 'warning', 'info']));
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    expect(severities).toEqual([...severities].sort((a, b) => rank[a!]! - rank[b!]!));
    expect(severities[0]).toBe('error');
    expect(await page.locator('table.findings tbody tr').first().innerText()).toContain('user-limit');

    // Backticks in messages are code elements, and no backtick is left in the table.
    const apple = page.locator('table.findings tbody tr', { hasText: 'provider-mobile-sdk' }).first();
    expect(await apple.locator('td:last-child code').allInnerTexts()).toEqual(['APPLE']);
    expect(await page.locator('table.findings tbody').innerText()).not.toContain('`');

    // The provider column: sticky at the left edge, with a background, and still there once the matrix scrolls.
    const garmin = page.locator('tr[data-provider="GARMIN"] th');
    const style = await garmin.evaluate((el) => {
      const s = el.ownerDocument.defaultView!.getComputedStyle(el);
      return { position: s.position, left: s.left, background: s.backgroundColor };
    });
    expect(style).toEqual({ position: 'sticky', left: '0px', background: 'rgb(255, 255, 255)' });
    const scroller = page.locator('#matrix .scroll');
    const widths = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    const production = page.locator('tr[data-provider="GARMIN"] td[data-environment="production"]');
    const before = { name: (await garmin.boundingBox())!.x, cell: (await production.boundingBox())!.x };
    await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(async () => (await production.boundingBox())!.x).toBeLessThan(before.cell - 100);
    expect(Math.abs((await garmin.boundingBox())!.x - before.name)).toBeLessThanOrEqual(1);
    // What is painted at the column's spot is the provider's name, not the cells scrolled beneath it.
    const box = (await garmin.boundingBox())!;
    const painted = await scroller.evaluate((el, [x, y]) => el.ownerDocument.elementFromPoint(x!, y!)?.closest('th')?.textContent ?? '', [box.x + 10, box.y + box.height / 2]);
    expect(painted).toContain('Garmin');

    // Cells that differ from the environment to their left carry a class and a visible mark, explained in the legend.
    const huawei = (env: string) => page.locator(`tr[data-provider="HUAWEI"] td[data-environment="${env}"]`);
    expect(await huawei('testing').getAttribute('class')).not.toContain('cell-differs');
    expect(await huawei('staging').getAttribute('class')).toContain('cell-differs');
    expect(await huawei('staging').getAttribute('data-differs-from')).toBe('testing');
    expect(await huawei('staging').locator('.differs-mark').innerText()).toBe('≠');
    const apples = await page.locator('tr[data-provider="APPLE"] td.cell').evaluateAll((tds) => tds.map((td) => td.className));
    expect(apples.every((c) => !c.includes('cell-differs'))).toBe(true);
    expect(await page.locator('.legend .legend-differs').innerText()).toBe('≠ differs from the environment to its left (another marker or other details)');

    // An environment named after its tier shows the name once.
    for (const env of ['testing', 'staging', 'production']) {
      const header = page.locator(`table.matrix thead th.env[data-environment="${env}"]`);
      expect(await header.locator('.env-tier').count()).toBe(0);
      expect((await header.innerText()).split('\n').filter((line) => line.trim() === env)).toEqual([env]);
    }

    await scroller.evaluate((el) => el.scrollTo({ left: 120 }));
    mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, 'audit-narrow.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    // The path in the test output, not as an attachment: vitest would copy attachments into .vitest-attachments/.
    await annotate(`screenshot of the 420 px page: ${screenshot}`);
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
    expect(requests).toEqual([]);
    await page.context().close();
  });
});

function edit(file: string, from: string, to: string): void {
  const before = readFileSync(file, 'utf8');
  if (!before.includes(from)) throw new Error(`${file} no longer contains ${from}`);
  writeFileSync(file, before.replace(from, to));
}
