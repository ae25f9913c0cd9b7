import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../src/catalog/providers';
import type { Diagnostic } from '../../src/core/diagnostic';
import { loadProject } from '../../src/project';
import { shippedFiles } from '../property/shipped-files';
import { LspClient } from '../support/lsp-client';

/**
 * The editor says what the CLI says: the real yaml-language-server (the server behind VS Code's YAML
 * extension and most other editors' YAML support), driven over LSP, with the schemas the shipped files'
 * `# yaml-language-server: $schema=...` lines point at. Each bad document is also run through the CLI's
 * pipeline, so both are seen to flag the same line.
 */
const REPO = join(__dirname, '..', '..');
const SERVER = require.resolve('yaml-language-server/bin/yaml-language-server');
const SHIPPED = shippedFiles();
/** Never on the network (no schema store), validation, hover and completion on. */
const YAML_SETTINGS = { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false } };
const ERROR = 1;
const TOKEN = 'tr_live_9fK2xQ7mV4pL8sN3wR6tY1uZ5aB0cD2e';

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
}
interface MarkupContent {
  kind: string;
  value: string;
}
interface CompletionItem {
  label: string;
  detail?: string;
  documentation?: string | MarkupContent;
}

let server: LspClient;
let version = 0;
let untitled = 0;

const uriOf = (relative: string) => pathToFileURL(join(REPO, relative)).href;
const text = (value: string | MarkupContent | undefined) => (typeof value === 'string' ? value : value?.value ?? '');

/** Opens a document as an editor would and returns the diagnostics the server publishes for it. */
async function open(relative: string, content: string): Promise<LspDiagnostic[]> {
  const uri = uriOf(relative);
  const published = server.waitForNotification<{ uri: string; diagnostics: LspDiagnostic[] }>(
    'textDocument/publishDiagnostics',
    (params) => params.uri === uri,
    20_000,
  );
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: ++version, text: content } });
  return (await published).diagnostics;
}

/** A document that is not on disk, beside the shipped one so its relative `$schema` line resolves the same. */
function besides(shipped: string): string {
  untitled++;
  return shipped.startsWith('config/') ? `config/editor-case-${untitled}.yaml` : `Pulumi.editor-case-${untitled}.yaml`;
}

/** What the CLI reports for the shipped project with one file replaced. */
function cliDiagnostics(path: string, content: string): Diagnostic[] {
  const project = loadProject({ root: '/virtual', virtualFiles: { ...SHIPPED, [path]: content } });
  return project.diagnostics.filter((d) => d.file === path);
}

function replaced(path: string, from: string | RegExp, to: string): string {
  const original = SHIPPED[path]!;
  const changed = original.replace(from, to);
  expect(changed, `${path} has ${String(from)}`).not.toBe(original);
  return changed;
}

beforeAll(async () => {
  server = new LspClient(process.execPath, [SERVER, '--stdio'], { cwd: REPO });
  server.onRequest('workspace/configuration', (params) =>
    (params as { items: { section?: string }[] }).items.map((item) => (item.section === 'yaml' ? YAML_SETTINGS : null)),
  );
  await server.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(REPO).href,
    workspaceFolders: [{ uri: pathToFileURL(REPO).href, name: 'terra-iac' }],
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: {},
      },
    },
  });
  server.notify('initialized', {});
  server.notify('workspace/didChangeConfiguration', { settings: { yaml: YAML_SETTINGS } });
}, 30_000);

afterAll(async () => {
  await server?.shutdown();
});

describe('yaml-language-server with the shipped $schema lines', () => {
  it('shows no diagnostics on the shipped config/*.yaml, Pulumi.yaml and Pulumi.<env>.yaml', async () => {
    const shipped = Object.keys(SHIPPED);
    expect(shipped.filter((p) => p.startsWith('config/')).length).toBe(readdirSync(join(REPO, 'config')).filter((n) => n.endsWith('.yaml')).length);
    expect(shipped.some((p) => /^Pulumi\..+\.yaml$/.test(p))).toBe(true);
    for (const path of shipped) {
      expect(SHIPPED[path]!.split('\n')[0], path).toMatch(/^# yaml-language-server: \$schema=\.{1,2}\/schemas\/[a-z-]+\.schema\.json$/);
      expect(await open(path, SHIPPED[path]!), path).toEqual([]);
    }
  });

  it('flags an http:// webhook URL on its line, as the CLI does (webhook-https), in every tier', async () => {
    for (const path of ['config/testing.yaml', 'config/staging.yaml', 'config/production.yaml']) {
      const content = replaced(path, /(\n {2}url: )https:\/\//, '$1http://');
      const line = content.split('\n').findIndex((l) => l.startsWith('  url: http://'));
      const editor = await open(besides(path), content);
      expect(editor, path).toHaveLength(1);
      expect(editor[0]).toMatchObject({ severity: ERROR, range: { start: { line } } });
      expect(editor[0]!.message).toMatch(/https:\/\//);
      const cli = cliDiagnostics(path, content).filter((d) => d.severity === 'error');
      expect(cli.map((d) => [d.ruleId, d.line])).toEqual([['webhook-https', line + 1]]);
    }
  });

  it('flags a webhook URL with a user name and password, as the CLI does (webhook-url-credentials)', async () => {
    const path = 'config/staging.yaml';
    const content = replaced(path, 'url: https://hooks.', 'url: https://terra:hunter22@hooks.');
    const line = content.split('\n').findIndex((l) => l.includes('hunter22'));
    const editor = await open(besides(path), content);
    expect(editor.map((d) => [d.range.start.line, d.severity])).toEqual([[line, ERROR]]);
    expect(editor[0]!.message).not.toContain('hunter22');
    const cli = cliDiagnostics(path, content).filter((d) => d.severity === 'error');
    expect(cli.map((d) => [d.ruleId, d.line])).toEqual([['webhook-url-credentials', line + 1]]);
  });

  it('flags a misspelled provider code (GARMINN) on its key, where the CLI says did you mean GARMIN', async () => {
    const path = 'config/staging.yaml';
    const content = replaced(path, '\n  GARMIN: {}', '\n  GARMINN: {}');
    const line = content.split('\n').indexOf('  GARMINN: {}');
    const editor = await open(besides(path), content);
    expect(editor).toHaveLength(1);
    expect(editor[0]).toMatchObject({ severity: ERROR, range: { start: { line, character: 2 }, end: { line, character: 9 } } });
    expect(editor[0]!.message).toMatch(/unknown provider code/i);
    const cli = cliDiagnostics(path, content).filter((d) => d.severity === 'error');
    expect(cli.map((d) => [d.ruleId, d.line, d.column, d.hint])).toEqual([['provider-unknown', line + 1, 3, 'did you mean `GARMIN`?']]);
  });

  it('allows an UNCONFIRMED provider code, which the CLI only warns or informs about', async () => {
    const path = 'config/staging.yaml';
    const unconfirmed = PROVIDERS.filter((p) => !p.confirmed).map((p) => p.code);
    const declared = unconfirmed.filter((code) => SHIPPED[path]!.includes(`\n  ${code}:`));
    expect(declared.length).toBeGreaterThan(0);
    const extra = unconfirmed.find((code) => !declared.includes(code) && PROVIDERS.find((p) => p.code === code)!.credentials !== 'required')!;
    const content = replaced(path, '\n  GARMIN: {}', `\n  GARMIN: {}\n  ${extra}: {}`);
    expect(await open(besides(path), content)).toEqual([]);
    const cli = cliDiagnostics(path, content);
    expect(cli.filter((d) => d.severity === 'error')).toEqual([]);
    // provider-unknown reports them as a warning, or (a code Terra's own docs use, once per project) an info.
    const unknown = cli.filter((d) => d.ruleId === 'provider-unknown');
    expect(unknown.map((d) => d.path[1])).toContain(extra);
    for (const d of unknown) expect(['warning', 'info']).toContain(d.severity);
  });

  it('flags a plain http admin API URL, and allows one to a loopback test server, as the CLI does (admin-base-url)', async () => {
    const path = 'config/staging.yaml';
    const withAdmin = (url: string) => replaced(path, '  apiKey: { fromStackConfig: terraApiKey }\n', `  apiKey: { fromStackConfig: terraApiKey }\n  admin:\n    baseUrl: ${url}\n`);
    const bad = withAdmin('http://admin.acme-health.example/api/v3/admin');
    const line = bad.split('\n').findIndex((l) => l.includes('baseUrl: http://'));
    expect((await open(besides(path), bad)).map((d) => [d.range.start.line, d.severity])).toEqual([[line, ERROR]]);
    expect(cliDiagnostics(path, bad).filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.line])).toEqual([['admin-base-url', line + 1]]);
    const loopback = withAdmin('http://127.0.0.1:8787/api/v3/admin');
    expect(await open(besides(path), loopback)).toEqual([]);
    expect(cliDiagnostics(path, loopback).filter((d) => d.ruleId === 'admin-base-url')).toEqual([]);
  });

  it('flags an http:// Huawei URL, as the CLI does (huawei-urls)', async () => {
    const path = 'config/staging.yaml';
    const content = replaced(path, 'appAccessUrl: https://', 'appAccessUrl: http://');
    const line = content.split('\n').findIndex((l) => l.includes('appAccessUrl: http://'));
    expect((await open(besides(path), content)).map((d) => [d.range.start.line, d.severity])).toEqual([[line, ERROR]]);
    expect(cliDiagnostics(path, content).filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.line])).toEqual([['huawei-urls', line + 1]]);
  });

  it('flags a provider\'s key policy as the CLI does (provider-dedicated-keys): STRAVA without keys, APPLE with keys', async () => {
    const path = 'config/staging.yaml';
    const noStravaKeys = replaced(path, /\n {2}STRAVA:\n(?: {4}.*\n| {6}.*\n)+/, '\n  STRAVA: {}\n');
    const strava = noStravaKeys.split('\n').indexOf('  STRAVA: {}');
    const editor = await open(besides(path), noStravaKeys);
    expect(editor.map((d) => [d.range.start.line, d.severity])).toEqual([[strava, ERROR]]);
    expect(editor[0]!.message).toContain('only works with dedicated keys');
    expect(cliDiagnostics(path, noStravaKeys).filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.line])).toEqual([['provider-dedicated-keys', strava + 1]]);

    const appleKeys = replaced(path, '\n  APPLE: {}\n', '\n  APPLE:\n    dedicatedKeys:\n      clientId: acme-apple\n      clientSecret: { fromEnv: ACME_APPLE_SECRET }\n');
    const apple = appleKeys.split('\n').indexOf('  APPLE:') + 1;
    const flagged = await open(besides(path), appleKeys);
    // The editor marks the value (the block below the key), the CLI the `dedicatedKeys` key.
    expect(flagged.map((d) => [d.range.start.line, d.severity])).toEqual([[apple + 1, ERROR]]);
    expect(cliDiagnostics(path, appleKeys).filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.line])).toEqual([['provider-dedicated-keys', apple + 1]]);
  });

  it('applies the conditional checks as the CLI does: Samsung direct route, FreeStyle Libre regions, a stated tier', async () => {
    const path = 'config/staging.yaml';
    const samsung = (lines: string) => replaced(path, '  SAMSUNG:\n    route: health-connect\n', `  SAMSUNG:\n${lines}`);
    const cases: [string, string, string[]][] = [
      ['direct route, approved', samsung('    route: direct\n    partnershipApproved: true\n'), []],
      ['direct route, disabled', samsung('    enabled: false\n    route: direct\n'), []],
      ['direct route, not approved', samsung('    route: direct\n'), ['samsung-route']],
      ['DE without a practice id', replaced(path, /\n {4}practiceId: .*/, ''), ['freestylelibre-regions']],
      ['full-form essential scope', replaced(path, '        - userinfo.profile\n', '        - https://www.googleapis.com/auth/userinfo.profile\n'), []],
      ['stated staging tier over the limit', replaced(path, /\n {2}plannedUsers: \d+/, '\n  plannedUsers: 60').replace('\ndescription: ', '\ntier: staging\ndescription: '), ['user-limit']],
    ];
    for (const [label, content, errors] of cases) {
      const editor = await open(besides(path), content);
      const cli = cliDiagnostics(path, content).filter((d) => d.severity === 'error');
      expect(cli.map((d) => d.ruleId), label).toEqual(errors);
      // Same finding, same place or the key right above it (a missing key is marked on its parent's key).
      expect(editor.length, label).toBe(cli.length);
      editor.forEach((d, i) => expect(cli[i]!.line - (d.range.start.line + 1), label).toBeOneOf([0, 1]));
    }
  });

  it('flags a plaintext terra-iac:terraApiKey in a stack file without showing the value, as the CLI does (stack-secret-plain)', async () => {
    const path = 'Pulumi.staging.yaml';
    const content = replaced(path, /( {2}terra-iac:terraApiKey:)\n {4}secure: [^\n]+/, `$1 ${TOKEN}`);
    const line = content.split('\n').findIndex((l) => l.includes(TOKEN));
    const editor = await open(besides(path), content);
    expect(editor.map((d) => [d.range.start.line, d.severity])).toEqual([[line, ERROR]]);
    expect(editor[0]!.message).toMatch(/secure/);
    expect(JSON.stringify(editor)).not.toContain(TOKEN);
    const cli = cliDiagnostics(path, content);
    expect(cli.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.line])).toEqual([['stack-secret-plain', line + 1]]);
    expect(JSON.stringify(cli)).not.toContain(TOKEN);
  });

  it('completes provider codes with each provider\'s name and key policy', async () => {
    const relative = 'config/editor-completion.yaml';
    const content = '# yaml-language-server: $schema=../schemas/environment.schema.json\nproviders:\n  G\n';
    await open(relative, content);
    const answer = await server.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', {
      textDocument: { uri: uriOf(relative) },
      position: { line: 2, character: 3 },
    });
    const all = Array.isArray(answer) ? answer : answer.items;
    const labels = all.map((item) => item.label);
    expect(labels.length, 'each code is offered once').toBe(new Set(labels).size);
    const items = new Map(all.map((item) => [item.label, item]));
    for (const facts of PROVIDERS) {
      const item = items.get(facts.code);
      expect(item, facts.code).toBeDefined();
      const shown = `${item!.detail ?? ''} ${text(item!.documentation)}`;
      expect(shown, facts.code).toContain(facts.name);
      expect(shown, facts.code).toMatch(/Keys: /);
      if (!facts.confirmed) expect(shown, facts.code).toContain('UNCONFIRMED');
    }
    expect(text(items.get('STRAVA')!.documentation)).toContain('only works with your own `dedicatedKeys`');
  });

  it('shows the provider\'s name and key policy when hovering a provider key in a shipped file', async () => {
    const path = 'config/staging.yaml';
    const lines = SHIPPED[path]!.split('\n');
    for (const [code, name] of [['GARMIN', 'Garmin'], ['VIRTUAGYM', 'Virtuagym']] as const) {
      const line = lines.findIndex((l) => l.startsWith(`  ${code}:`));
      const hover = await server.request<{ contents: MarkupContent | string } | null>('textDocument/hover', {
        textDocument: { uri: uriOf(path) },
        position: { line, character: 4 },
      });
      const shown = text(hover?.contents as MarkupContent);
      expect(shown, code).toContain(name);
      expect(shown, code).toMatch(/Keys: /);
    }
  });
});

describe('the published schemas are the editor profile, not what the CLI compiles', () => {
  it('the CLI schema accepts an http webhook URL (the rule reports it), the published one does not', () => {
    const published = JSON.parse(readFileSync(join(REPO, 'schemas', 'environment.schema.json'), 'utf8'));
    const cli = JSON.parse(readFileSync(join(REPO, 'src', 'generated', 'environment.schema.json'), 'utf8'));
    const url = (schema: { $defs: Record<string, { properties: Record<string, { pattern: string }> }> }) => new RegExp(schema.$defs.Webhook!.properties.url!.pattern, 'u');
    expect(url(cli).test('http://hooks.acme-health.example/terra')).toBe(true);
    expect(url(published).test('http://hooks.acme-health.example/terra')).toBe(false);
    expect(url(published).test('https://hooks.acme-health.example/terra')).toBe(true);
  });
});
