import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { encryptValue, newEncryptionSalt } from '../../src/load/pulumi-passphrase';
import { REPO, STACK_FRAME, assertBuilt, baseEnv } from './helpers';

/**
 * The package as another team gets it: `npm pack` of this checkout, installed from the tarball into an
 * empty folder (dependencies from the registry, through the shared npm cache), then `terra-iac init` from
 * the installed package, `validate`, `plan`, and the Pulumi program loaded from the installed package the
 * way `pulumi up` loads it. Nothing of this checkout but the tarball is used after the pack.
 */
const TIERS = ['testing', 'staging', 'production'] as const;
const PASSPHRASE = 'consumer-passphrase-6Hq2';
const secretsOf = (env: string) => ({ 'terra-iac:terraApiKey': `consumer-api-key-${env}-Ke71`, 'terra-iac:terraWebhookSigningSecret': `consumer-signing-${env}-Sg44` });
const ALL_SECRETS = [PASSPHRASE, ...TIERS.flatMap((env) => Object.values(secretsOf(env)))];

/** Loads a serialized dynamic provider as Pulumi's provider host does, and reports what it offers. */
const HOST_SCRIPT = `
  const Module = require('node:module');
  const file = process.argv[1];
  const m = new Module(file, null);
  m.filename = file;
  m.paths = Module._nodeModulePaths(process.cwd());
  m._compile(require('node:fs').readFileSync(file, 'utf8'), file);
  const provider = m.exports.handler();
  Promise.resolve(provider.diff('id', {}, {})).then((diff) => process.stdout.write(JSON.stringify({ create: typeof provider.create, diff })));`;

let work: string;
let tarball: string;
let packed: string[];
let repo: string;
let installMs = 0;

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}, timeout = 60_000) {
  const result = spawnSync(command, args, { cwd, env: baseEnv({ npm_config_update_notifier: 'false', ...env }), encoding: 'utf8', timeout });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const cli = (args: readonly string[], env: Record<string, string> = {}) => run(process.execPath, [join(repo, 'node_modules', 'terra-iac', 'bin', 'terra-iac.js'), ...args], repo, env);

beforeAll(() => {
  assertBuilt();
  work = mkdtempSync(join(tmpdir(), 'terra-iac-pack-'));
  // prepack's build of lib/; `npm pack` itself runs without scripts, so the bundle other tests run is not rebuilt under them.
  const built = run(process.execPath, [join(REPO, 'scripts', 'build-program.js')], REPO);
  if (built.code !== 0) throw new Error(built.stderr);
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO);
  if (pack.code !== 0) throw new Error(pack.stderr);
  const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(work, info!.filename);
  packed = info!.files.map((f) => f.path);

  // An empty folder, the tarball installed into it; init makes the repository, which takes the node_modules.
  const consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "version": "0.0.0", "private": true }\n');
  const started = Date.now();
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], consumer, {}, 240_000);
  installMs = Date.now() - started;
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
  repo = join(work, 'repo');
  const init = run(process.execPath, [join(consumer, 'node_modules', 'terra-iac', 'bin', 'terra-iac.js'), 'init', repo, '--package-spec', `file:${tarball}`], consumer);
  if (init.code !== 0) throw new Error(`init failed:\n${init.stderr}`);
  renameSync(join(consumer, 'node_modules'), join(repo, 'node_modules'));
}, 300_000);

// An installed node_modules is tens of thousands of files: removing them takes a while on a busy machine.
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
}, 240_000);

describe('the npm package', () => {
  it('carries the built CLI, the program, the schemas and the templates, and no TypeScript source', () => {
    for (const file of ['package.json', 'bin/terra-iac.js', 'bin/load-bundle.js', 'dist/cli.js', 'dist/vendor/zod.js', 'dist/vendor/yaml.js', 'lib/infra/pulumi-entry.js', 'lib/generated/validators.js', 'schemas/environment.schema.json', 'templates/init/Pulumi.yaml', 'templates/init/gitignore']) {
      expect(packed).toContain(file);
    }
    expect(packed.filter((f) => /\.ts$/.test(f) || /^(src|test|scripts|bench|config)\//.test(f) || /\.cache$/.test(f))).toEqual([]);
    expect(packed.filter((f) => /^Pulumi\./.test(f))).toEqual([]);
  });

  it('installs on its own: only its dependencies, not its devDependencies, and the CLI runs from it', () => {
    const installed = readdirSync(join(repo, 'node_modules'));
    for (const dev of ['typescript', 'vitest', 'esbuild', 'knip']) expect(installed).not.toContain(dev);
    expect(installed).toEqual(expect.arrayContaining(['terra-iac', 'yaml', 'zod', 'ajv']));
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^\s+init\s/m);
    // Reported, not asserted: the install's time depends on the npm cache and the machine.
    process.stdout.write(`package-install: npm install of the tarball took ${installMs} ms\n`);
  });
});

describe('terra-iac init from the installed package', () => {
  it('scaffolds the repository: one environment per tier, stacks, package.json on the tarball, workflow, README', () => {
    for (const file of ['config/testing.yaml', 'config/staging.yaml', 'config/production.yaml', 'Pulumi.yaml', 'Pulumi.testing.yaml', 'Pulumi.staging.yaml', 'Pulumi.production.yaml', 'index.js', '.github/workflows/validate.yml', '.gitignore', 'README.md']) {
      expect(existsSync(join(repo, file)), file).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'repo', private: true, dependencies: { 'terra-iac': `file:${tarball}`, '@pulumi/pulumi': '~3.248.0' } });
    expect(readFileSync(join(repo, 'Pulumi.yaml'), 'utf8')).toMatch(/^main: index\.js$/m);
  });

  it('validate there reports only the secrets still to set, each with its pulumi config set command', () => {
    const result = cli(['validate', '--format', 'json']);
    expect(result.code).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Array<{ ruleId: string; file: string; hint: string }> };
    expect(new Set(diagnostics.map((d) => d.ruleId))).toEqual(new Set(['stack-secret-present']));
    expect(diagnostics.map((d) => `${d.file} ${d.hint}`).sort()).toEqual(
      TIERS.flatMap((env) => [
        `config/${env}.yaml pulumi config set --secret terraApiKey --stack ${env}`,
        `config/${env}.yaml pulumi config set --secret terraWebhookSigningSecret --stack ${env}`,
      ]).sort(),
    );
  });

  it('with the secrets set as `pulumi config set --secret` sets them: validate is clean, plan runs, the installed program loads under Pulumi', () => {
    for (const env of TIERS) {
      const file = join(repo, `Pulumi.${env}.yaml`);
      const doc = parseDocument(readFileSync(file, 'utf8'));
      const { state, key } = newEncryptionSalt(PASSPHRASE);
      doc.set('encryptionsalt', state);
      for (const [name, value] of Object.entries(secretsOf(env))) doc.setIn(['config', name], doc.createNode({ secure: encryptValue(key, value) }));
      writeFileSync(file, doc.toString());
    }
    const env = { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE };
    const validate = cli(['validate'], env);
    expect(validate.stdout).toContain('0 errors, 0 warnings');
    expect(validate.code).toBe(0);

    const plan = cli(['plan', '--env', 'testing', '--format', 'json'], env);
    expect(plan.stderr).not.toMatch(STACK_FRAME);
    expect(plan.code).toBe(0);
    const resources = (JSON.parse(plan.stdout) as { resources: Array<{ type: string; name: string }> }).resources.map((r) => `${r.type} ${r.name}`);
    expect(resources).toEqual(expect.arrayContaining(['aws:secretsmanager/secret:Secret testing-terra-api-key', 'aws:secretsmanager/secret:Secret testing-webhook-signing-secret']));

    // Pulumi.yaml's main, required from the project folder as `pulumi up` would, under Pulumi's mocks.
    const secrets = secretsOf('testing');
    const loaded = run(process.execPath, [join(REPO, 'test', 'infra', 'support', 'load-installed-like-pulumi.js')], repo, {
      TEST_STACK: 'testing',
      TEST_CONFIG: JSON.stringify({ config: { 'aws:region': 'eu-west-1', ...secrets }, secretKeys: Object.keys(secrets) }),
    });
    expect(loaded.code, loaded.stderr).toBe(0);
    const program = JSON.parse(loaded.stdout) as { registered: string[]; providers: Record<string, string>; environment: string };
    expect(program.environment).toBe('testing');
    expect(program.registered.sort()).toEqual([...resources].sort());
    // The smoke test's provider is serialized from the installed lib/, as the engine's provider host needs it.
    expect(program.providers['testing-smoke-test']).toContain('exports.handler');
    // What the provider host does with it (cmd/dynamic-provider: the text as a module, then handler()), in the
    // project folder with nothing but its node_modules: whatever the text requires must resolve there.
    const providerFile = join(repo, '.serialized-provider.js');
    writeFileSync(providerFile, program.providers['testing-smoke-test']!);
    const host = run(process.execPath, ['-e', HOST_SCRIPT, providerFile], repo);
    expect(host.stderr).toBe('');
    expect(JSON.parse(host.stdout)).toEqual({ create: 'function', diff: { changes: true } });
    rmSync(providerFile);

    for (const output of [validate.stdout, validate.stderr, plan.stdout, plan.stderr, loaded.stdout, loaded.stderr]) {
      for (const secret of ALL_SECRETS) expect(output).not.toContain(secret);
    }
  });

  it('refuses to overwrite: exit 2 and nothing written, even where only some files exist', () => {
    rmSync(join(repo, 'README.md'));
    const before = readFileSync(join(repo, 'config', 'testing.yaml'), 'utf8');
    const again = cli(['init', '.']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('init would overwrite');
    expect(again.stderr).toContain('nothing was written');
    expect(existsSync(join(repo, 'README.md'))).toBe(false);
    expect(readFileSync(join(repo, 'config', 'testing.yaml'), 'utf8')).toBe(before);
  });
});
