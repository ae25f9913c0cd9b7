import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import multitool from '@microsoft/sarif-multitool-linux';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/formatters/rule-catalog';
import { assertBuilt, baseEnv, runCli } from '../cli/helpers';
import { MISSING_FILE, PLANTED, semanticFindingsProject, stageFindingsProject } from './many-findings-project';

/**
 * What the Multitool may still say, all at level note, and why we leave it:
 * - SARIF2002 asks for message ids and arguments instead of text; GitHub code scanning shows `message.text`.
 * - SARIF2003 asks for versionControlProvenance; the formatter knows no commit, and upload-sarif adds it.
 * - SARIF2009 asks for ids like `CS2001`; our kebab-case ids are the CLI's contract and key existing alerts.
 * - SARIF2010 and SARIF2011 ask for code snippets and context regions: source text next to a finding can
 *   hold a secret, and no secret is ever written to a report.
 */
const ACCEPTED_NOTES = ['SARIF2002', 'SARIF2003', 'SARIF2009', 'SARIF2010', 'SARIF2011'];

interface Finding {
  ruleId: string;
  level?: string;
  message: { text?: string; arguments?: string[] };
}
interface SarifLog {
  runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string }> }>;
}

let root: string;
const sarifPaths: string[] = [];
const logs: SarifLog[] = [];
let printed: string;
let multitoolLog: string;
let findings: Finding[];

function writeProject(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** `terra-iac validate ... --format sarif --output <file>` in `dir`, through the built CLI. */
function validateToSarif(dir: string, args: string[], exitCode: number): void {
  const out = join(root, `report-${sarifPaths.length}.sarif`);
  const run = runCli(['validate', ...args, '--format', 'sarif', '--output', out], {
    cwd: dir,
    // With the demo passphrase the decrypting rule runs too.
    env: baseEnv({ PULUMI_CONFIG_PASSPHRASE: 'terra-iac-demo-passphrase' }),
  });
  expect(run.code, run.stderr).toBe(exitCode);
  sarifPaths.push(out);
  logs.push(JSON.parse(readFileSync(out, 'utf8')));
}

/** Runs the Multitool (a self-contained .NET program; with no libicu here it needs invariant globalization). */
function sarifMultitool(args: string[]) {
  const run = spawnSync(multitool, args, { encoding: 'utf8', env: { ...baseEnv(), DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' }, timeout: 120_000 });
  if (run.error) throw run.error;
  expect(run.status, run.stdout + run.stderr).toBe(0);
  return run.stdout + run.stderr;
}

/**
 * The validator's own rule options, exported by the Multitool, with its GitHub rules (GH1xxx: what GitHub
 * code scanning requires to ingest a log; off by default) turned on as errors, and SARIF2006 off: it sends
 * an HTTP GET to every URL in the log, which needs the network and fails on the not yet published manual.
 */
function policy(): string {
  const exported = join(root, 'exported-options.xml');
  sarifMultitool(['export-validation-config', exported]);
  const options = readFileSync(exported, 'utf8');
  const setEnabled = (xml: string, key: RegExp, value: string) =>
    xml.replace(new RegExp(`(<Properties Key="${key.source}\\.Options">\\s*<Property Key="RuleEnabled" Value=")Default"`, 'g'), `$1${value}"`);
  const edited = setEnabled(setEnabled(options, /GH\d+\.\w+/, 'Error'), /SARIF2006\.\w+/, 'Disabled');
  expect(edited.match(/Value="Error"/g)!.length).toBeGreaterThanOrEqual(7);
  expect(edited).toMatch(/SARIF2006\.UrisShouldBeReachable\.Options">\s*<Property Key="RuleEnabled" Value="Disabled"/);
  const path = join(root, 'policy.xml');
  writeFileSync(path, edited);
  return path;
}

beforeAll(() => {
  assertBuilt();
  root = mkdtempSync(join(tmpdir(), 'terra-iac-sarif-multitool-'));
  writeProject(join(root, 'semantic'), semanticFindingsProject());
  const stage = stageFindingsProject();
  writeProject(join(root, 'stage'), { ...stage, 'Pulumi.yaml': 'name: terra-iac\nruntime: nodejs\n' });
  validateToSarif(join(root, 'semantic'), [], 1);
  // An unreadable file is an I/O error: exit code 2, with the report still written.
  validateToSarif(join(root, 'stage'), [...Object.keys(stage), MISSING_FILE], 2);
  const logPath = join(root, 'multitool.sarif');
  // List options (--rule-kind, --level, --log) take every value up to the next option: a scalar option goes last.
  printed = sarifMultitool([
    'validate',
    '--rule-kind', 'Sarif;Gh',
    '--level', 'Error;Warning;Note',
    '--log', 'ForceOverwrite',
    '--config', policy(),
    '--output', logPath,
    ...sarifPaths,
  ]);
  multitoolLog = readFileSync(logPath, 'utf8');
  findings = JSON.parse(multitoolLog).runs[0].results;
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const levelOf = (f: Finding) => f.level ?? 'warning';
const summary = (list: Finding[]) => list.map((f) => `${f.ruleId} ${levelOf(f)}: ${f.message.text ?? f.message.arguments?.join(' | ') ?? ''}`);

describe('SARIF Multitool validate on our --format sarif', () => {
  it('gets reports in which every rule fires, a secret rule among them', () => {
    const fired = new Set(logs.flatMap((log) => log.runs[0]!.results.map((r) => r.ruleId)));
    expect(ruleCatalog().map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
    expect(fired).toContain('secret-literal');
    expect(printed).toContain('Done. 2 files scanned.');
  });

  it('reports no error', () => {
    expect(summary(findings.filter((f) => levelOf(f) === 'error'))).toEqual([]);
  });

  it('reports no warning: no SARIF1001 (name equal to id), no SARIF2005 (informationUri), none at all', () => {
    expect(summary(findings.filter((f) => f.ruleId.startsWith('SARIF1001') || f.ruleId.startsWith('SARIF2005')))).toEqual([]);
    expect(summary(findings.filter((f) => levelOf(f) === 'warning'))).toEqual([]);
  });

  it('passes GitHub code scanning\'s rules (GH1xxx) and SARIF1002 (helpUri must be a URI) and SARIF2012 (help URI, friendly name)', () => {
    expect(summary(findings.filter((f) => /^(GH\d|SARIF1002|SARIF2012)/.test(f.ruleId)))).toEqual([]);
  });

  it('leaves only the notes we accept, each for its stated reason', () => {
    const notes = findings.filter((f) => levelOf(f) === 'note').map((f) => f.ruleId.split('/')[0]!);
    expect([...new Set(notes)].filter((id) => !ACCEPTED_NOTES.includes(id))).toEqual([]);
    expect(findings.length).toBe(notes.length);
  });

  it('leaves no planted secret in either report or in what the Multitool wrote', () => {
    const outputs = [...sarifPaths.map((p) => readFileSync(p, 'utf8')), printed, multitoolLog].join('\n');
    expect(Object.values(PLANTED).filter((secret) => outputs.includes(secret))).toEqual([]);
  });
});
