import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../src/catalog/providers';
import { parseYaml } from '../../src/load/parse-yaml';
import { loadProject } from '../../src/project';
import { AJV_OPTIONS } from '../../src/validate/compile-validators';
import { shippedFiles } from '../property/shipped-files';

/**
 * The published schemas (schemas/*.json) are standard JSON Schema 2020-12 plus yaml-language-server's
 * annotation keywords, and no stricter than the CLI: whatever they reject, `validate` reports as an error at the
 * same place (one exception, by design: a plain value under a secret-named `terra-iac:` stack key, below). The
 * LSP test shows the editor flags the common cases; this one walks the variants through ajv.
 */
const REPO = join(__dirname, '..', '..');
const SHIPPED = shippedFiles();
const EDITOR_KEYWORDS = ['markdownDescription', 'patternErrorMessage', 'errorMessage', 'doNotSuggest'];

function publishedValidator(file: string) {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, keywords: EDITOR_KEYWORDS, code: { optimize: 1 } });
  return ajv.compile(JSON.parse(readFileSync(join(REPO, 'schemas', file), 'utf8')));
}

const environment = publishedValidator('environment.schema.json');
const stack = publishedValidator('pulumi-stack.schema.json');
const project = publishedValidator('pulumi-project.schema.json');

/** The CLI's errors at `path` (or under it) for one environment's files of the shipped project, one replaced. */
function cliErrorsAt(file: string, content: string, path: (string | number)[]): string[] {
  const name = /([^/.]+)\.yaml$/.exec(file)![1]!;
  const files = Object.fromEntries(Object.entries(SHIPPED).filter(([p]) => p === 'Pulumi.yaml' || p === `config/${name}.yaml` || p === `Pulumi.${name}.yaml`));
  const loaded = loadProject({ root: '/virtual', virtualFiles: { ...files, [file]: content } });
  return loaded.diagnostics
    .filter((d) => d.file === file && d.severity === 'error' && path.every((segment, i) => d.path[i] === segment))
    .map((d) => d.ruleId);
}

function editorAccepts(validate: typeof environment, content: string): boolean {
  return validate(parseYaml(content).data) === true;
}

describe('the published schemas', () => {
  it('compile as JSON Schema 2020-12 (ajv strict, with the editor keywords declared) and accept every shipped file', () => {
    for (const [path, content] of Object.entries(SHIPPED)) {
      const validate = path.startsWith('config/') ? environment : path === 'Pulumi.yaml' ? project : stack;
      expect(editorAccepts(validate, content), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('reject a webhook URL only where the CLI reports an error on it, and always on http:// or user info', () => {
    const file = 'config/staging.yaml';
    const hosts = ['hooks.acme-health.example', 'hooks.acme-health.example:8443', '127.0.0.1', '[::1]'];
    const userinfo = ['', 'terra@', 'terra:s3cret@', ':@', '@', ':pw@'];
    const rest = ['/terra/events', '/a@b', '?x=@y', '#@'];
    let rejected = 0;
    for (const scheme of ['https', 'http']) {
      for (const info of userinfo) {
        for (const host of hosts) {
          for (const tail of rest) {
            const url = `${scheme}://${info}${host}${tail}`;
            const content = SHIPPED[file]!.replace(/(\n {2}url: )\S+/, `$1"${url}"`);
            const accepted = editorAccepts(environment, content);
            const cli = cliErrorsAt(file, content, ['webhook', 'url']);
            if (!accepted) {
              rejected++;
              expect(cli, `${url}: the editor rejects it, so the CLI must`).not.toEqual([]);
            }
            if (cli.includes('webhook-https')) expect(accepted, `${url}: webhook-https`).toBe(false);
            if (cli.includes('webhook-url-credentials') && /^https?:\/\/[^/?#]*[^:/?#][^/?#]*@/.test(url)) expect(accepted, `${url}: user info`).toBe(false);
          }
        }
      }
    }
    expect(rejected).toBeGreaterThan(80);
  });

  it('reject an admin API base URL only where the CLI reports an error on it', () => {
    const file = 'config/staging.yaml';
    const hosts = ['admin.acme-health.example', 'localhost:8787', '127.0.0.1:8787', '127.1', '0x7f.0.0.1', '[::1]:9', '10.0.0.7', '2130706433'];
    let rejected = 0;
    for (const scheme of ['https', 'http']) {
      for (const userinfo of ['', 'ops:pw@']) {
        for (const host of hosts) {
          const url = `${scheme}://${userinfo}${host}/api/v3/admin`;
          const content = SHIPPED[file]!.replace('  apiKey: { fromStackConfig: terraApiKey }\n', `  apiKey: { fromStackConfig: terraApiKey }\n  admin:\n    baseUrl: "${url}"\n`);
          const accepted = editorAccepts(environment, content);
          const cli = cliErrorsAt(file, content, ['terra', 'admin', 'baseUrl']);
          if (!accepted) {
            rejected++;
            expect(cli, `${url}: the editor rejects it, so the CLI must`).toEqual(['admin-base-url']);
          }
        }
      }
    }
    // http to a host name (localhost included: a local name, not a loopback address). http to an IP address
    // passes the editor whatever its form, and the rule judges whether it is loopback (10.0.0.7 is not).
    expect(rejected).toBe(4);
  });

  it('reject a provider code exactly when the CLI reports it as unknown (UNCONFIRMED codes pass both)', () => {
    const file = 'config/testing.yaml';
    const codes = [...PROVIDERS.map((p) => p.code), 'GARMINN', 'garmin', 'FITBIT2', 'X'];
    for (const code of codes.filter((c) => !SHIPPED[file]!.includes(`\n  ${c}:`))) {
      const content = SHIPPED[file]!.replace('\nproviders:\n', `\nproviders:\n  ${code}:\n    enabled: false\n`);
      if (content === SHIPPED[file]) throw new Error(`${file} has no providers block`);
      const known = PROVIDERS.some((p) => p.code === code);
      expect(editorAccepts(environment, content), code).toBe(known);
      expect(cliErrorsAt(file, content, ['providers', code]).includes('provider-unknown'), code).toBe(!known);
    }
  });

  it('reject a provider\'s dedicated keys exactly where the CLI reports its key policy as an error (provider-dedicated-keys)', () => {
    const file = 'config/testing.yaml';
    const keys = '    dedicatedKeys:\n      clientId: acme-client\n      clientSecret: { fromEnv: ACME_CLIENT_SECRET }\n';
    let rejected = 0;
    for (const facts of PROVIDERS.filter((p) => !SHIPPED[file]!.includes(`\n  ${p.code}:`))) {
      for (const enabled of [true, false]) {
        for (const withKeys of [true, false]) {
          const block = `  ${facts.code}:\n    enabled: ${enabled}\n${withKeys ? keys : ''}`;
          const content = SHIPPED[file]!.replace('\nproviders:\n', `\nproviders:\n${block}`);
          const accepted = editorAccepts(environment, content);
          const cli = cliErrorsAt(file, content, ['providers', facts.code]);
          const label = `${facts.code} enabled: ${enabled}, ${withKeys ? 'with' : 'without'} keys`;
          if (!accepted) {
            rejected++;
            expect(cli, `${label}: the editor rejects it, so the CLI must`).not.toEqual([]);
          }
          if (cli.includes('provider-dedicated-keys')) expect(accepted, label).toBe(false);
        }
      }
    }
    const notApplicable = PROVIDERS.filter((p) => p.credentials === 'not-applicable' && !SHIPPED[file]!.includes(`\n  ${p.code}:`)).length;
    const required = PROVIDERS.filter((p) => p.credentials === 'required' && p.confirmed && !SHIPPED[file]!.includes(`\n  ${p.code}:`)).length;
    expect(rejected).toBeGreaterThanOrEqual(2 * notApplicable + required);
  });

  it('reject more planned users than a stated testing or staging tier allows, and an unverified Google app in a stated production tier, as the CLI does', () => {
    const file = 'config/testing.yaml';
    expect(SHIPPED[file]).toMatch(/appVerification: (?!verified)/);
    const cases = [
      ['testing', 51, ['user-limit']],
      ['staging', 51, ['user-limit']],
      ['testing', 50, []],
      ['production', 5000, ['google-production-verified']],
      [undefined, 20, []],
    ] as const;
    for (const [tier, planned, errors] of cases) {
      let content = SHIPPED[file]!.replace(/\n {2}plannedUsers: \d+/, `\n  plannedUsers: ${planned}`);
      if (tier) content = content.replace(/\ndescription: /, `\ntier: ${tier}\ndescription: `);
      const label = `tier ${tier ?? '(from the file name)'}, ${planned} users`;
      expect(editorAccepts(environment, content), label).toBe(errors.length === 0);
      expect(cliErrorsAt(file, content, []), label).toEqual(errors);
    }
    // The tier from the file name alone: the CLI knows it, the editor cannot, so only the CLI reports it.
    const byName = SHIPPED[file]!.replace(/\n {2}plannedUsers: \d+/, '\n  plannedUsers: 51');
    expect(editorAccepts(environment, byName)).toBe(true);
    expect(cliErrorsAt(file, byName, [])).toEqual(['user-limit']);
  });

  it('agree with the CLI on the Samsung route, FreeStyle Libre regions and Google\'s essential scopes', () => {
    const file = 'config/staging.yaml';
    const shipped = SHIPPED[file]!;
    for (const anchor of ['  SAMSUNG:\n    route: health-connect\n', '  FREESTYLELIBRE:\n', '        - userinfo.profile\n', '        - calendar.settings.readonly\n']) {
      expect(shipped, anchor).toContain(anchor);
    }
    const variants: string[] = [];
    for (const enabled of ['', '    enabled: false\n']) {
      for (const route of ['direct', 'health-connect']) {
        for (const approved of ['', '    partnershipApproved: true\n', '    partnershipApproved: false\n']) {
          variants.push(shipped.replace('  SAMSUNG:\n    route: health-connect\n', `  SAMSUNG:\n${enabled}    route: ${route}\n${approved}`));
        }
      }
      for (const regions of ['[GB]', '[GB, DE]', '[FR, AT]']) {
        for (const practice of ['', '    practiceId: DE-PRAXIS-1\n']) {
          variants.push(shipped.replace(/ {2}FREESTYLELIBRE:\n(?: {4}.*\n)+/, `  FREESTYLELIBRE:\n${enabled}    regions: ${regions}\n${practice}`));
        }
      }
    }
    for (const drop of ['        - userinfo.profile\n', '        - calendar.settings.readonly\n']) variants.push(shipped.replace(drop, ''));
    variants.push(shipped.replace('        - userinfo.profile\n', '        - https://www.googleapis.com/auth/userinfo.profile\n'));
    let rejected = 0;
    for (const content of variants) {
      const cli = cliErrorsAt(file, content, []);
      const accepted = editorAccepts(environment, content);
      if (!accepted) rejected++;
      expect(accepted, `${cli.join(', ')}\n${content}`).toBe(cli.length === 0);
    }
    expect(rejected).toBeGreaterThanOrEqual(6);
  });

  it('reject a plain terra-iac secret key in a stack file where the CLI reports it, and under any secret-named key', () => {
    const file = 'Pulumi.testing.yaml';
    const keys = ['terra-iac:terraApiKey', 'terra-iac:terraWebhookSigningSecret', 'terra-iac:googleClientSecret'];
    for (const key of keys) {
      const content = SHIPPED[file]!.replace(new RegExp(`( {2}${key}:)\\n {4}secure: [^\\n]+`), '$1 not-encrypted');
      expect(content, key).not.toBe(SHIPPED[file]);
      expect(editorAccepts(stack, content), key).toBe(false);
      expect(cliErrorsAt(file, content, ['config', key]), key).toContain('stack-secret-plain');
    }
    const settings = SHIPPED[file]!.replace('  terra-iac:smokeTest: true\n', '  terra-iac:smokeTest: true\n  terra-iac:environment: testing\n  terra-iac:smokeTimeoutMs: 5000\n');
    expect(editorAccepts(stack, settings), 'non-secret terra-iac settings stay plain').toBe(true);
    // The one place the editor asks more: it cannot read config/, so it goes by the key names `validate`
    // suggests for secrets, and a plain value under such a name is flagged before anything references it.
    const unreferenced = SHIPPED[file]!.replace('  terra-iac:smokeTest: true\n', '  terra-iac:smokeTest: true\n  terra-iac:legacyApiKey: not-encrypted\n');
    expect(editorAccepts(stack, unreferenced)).toBe(false);
    expect(cliErrorsAt(file, unreferenced, ['config', 'terra-iac:legacyApiKey'])).toEqual([]);
  });
});
