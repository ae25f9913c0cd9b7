import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryDiff } from '../../src/report/diff/history';
import { E2E_TIMEOUT_MS, runCli } from './helpers';
import { TestRepo, type Person } from './git-repo';

const ALICE: Person = { name: 'Alice Admin', email: 'alice@example.com' };
const BOB: Person = { name: 'Bob Builder', email: 'bob@example.com' };
const CAROL: Person = { name: 'Carol Copyedit', email: 'carol@example.com' };
const DAVE: Person = { name: 'Dave Oops', email: 'dave@example.com' };
const ERIN: Person = { name: 'Erin Expander', email: 'erin@example.com' };
const GRACE: Person = { name: 'Grace Branch', email: 'grace@example.com' };

function environment(name: string, { events = 'auth, deauth', providers = '  GARMIN: {}\n', tier = '' } = {}): string {
  return `${tier ? `tier: ${tier}\n` : ''}owners:
  - team: platform
terra:
  devId: demo-${name}-01
  apiKey: { fromStackConfig: terraApiKey }
webhook:
  url: https://hooks.example.com/${name}
  signingSecret: { fromStackConfig: terraWebhookSigningSecret }
  eventTypes: [${events}]
providers:
${providers}aws:
  secretNamePrefix: demo/terra
`;
}

const STRAVA = `  STRAVA:
    dedicatedKeys:
      clientId: "4242"
      clientSecret: { fromStackConfig: stravaClientSecret }
      callbackDomain: access.tryterra.co
`;

describe('terra-iac diff --since GIT_REF', { timeout: E2E_TIMEOUT_MS }, () => {
  const repo = new TestRepo();
  const commits: Record<string, string> = {};

  beforeAll(() => {
    commits.initial = repo.commit(
      { 'config/staging.yaml': environment('staging'), 'config/production.yaml': environment('production'), 'README.md': 'demo\n' },
      ALICE,
      '2024-01-10T09:00:00+00:00',
      'Declare staging and production',
    );
    repo.git(['tag', 'v1']);
    commits.oura = repo.commit(
      { 'config/staging.yaml': environment('staging', { events: 'auth, deauth, permission_change', providers: '  GARMIN: {}\n  OURA: {}\n' }) },
      BOB,
      '2024-02-01T10:30:00+01:00',
      'Try Oura in staging',
    );
    commits.comment = repo.commit(
      { 'config/production.yaml': `# Reviewed by security in February.\n${environment('production')}` },
      CAROL,
      '2024-02-15T12:00:00+00:00',
      'Note the security review',
    );
    commits.strava = repo.commit(
      { 'config/production.yaml': `# Reviewed by security in February.\n${environment('production', { providers: `  GARMIN: {}\n${STRAVA}` })}` },
      ALICE,
      '2024-03-01T08:00:00+00:00',
      'Production Strava on our own keys',
    );
    const stagingNow = { events: 'auth, deauth, permission_change', providers: '  GARMIN: {}\n  OURA: {}\n' };
    commits.broken = repo.commit({ 'config/staging.yaml': environment('staging', { ...stagingNow, tier: 'bogus' }) }, DAVE, '2024-03-10T17:00:00-05:00', 'WIP');
    commits.fixed = repo.commit(
      { 'config/staging.yaml': environment('staging', { ...stagingNow, providers: `${stagingNow.providers}  WITHINGS: {}\n` }) },
      DAVE,
      '2024-03-11T09:00:00-05:00',
      'Fix the tier and add Withings',
    );
    commits.testing = repo.commit({ 'config/testing.yaml': environment('testing') }, ERIN, '2024-04-01T09:00:00+00:00', 'Add a testing environment');
    commits.readme = repo.commit({ 'README.md': 'demo, now documented\n' }, ALICE, '2024-04-02T09:00:00+00:00', 'Docs only');
  });

  it('exits 0 with no commit since HEAD', () => {
    const result = runCli(['diff', '--since', 'HEAD'], repo.dir);
    expect(result.stdout).toBe(`No commit touched config/ since HEAD (${commits.readme!.slice(0, 12)}).\n`);
    expect(result.code).toBe(0);
  });

  it('attributes every change to the commit, author and date that made it (JSON)', () => {
    const result = runCli(['diff', '--since', 'v1', '--format', 'json'], repo.dir);
    expect(result.code).toBe(1);
    const diff = JSON.parse(result.stdout) as HistoryDiff;
    expect(diff.since).toEqual({ ref: 'v1', commit: commits.initial });
    expect(diff.head).toBe(commits.readme);
    expect(diff.workingTree).toBeNull();
    const summary = diff.commits.map((c) => [c.commit, c.author.name, c.author.email, c.date, c.subject]);
    expect(summary).toEqual([
      [commits.oura, BOB.name, BOB.email, '2024-02-01T10:30:00+01:00', 'Try Oura in staging'],
      [commits.comment, CAROL.name, CAROL.email, '2024-02-15T12:00:00+00:00', 'Note the security review'],
      [commits.strava, ALICE.name, ALICE.email, '2024-03-01T08:00:00+00:00', 'Production Strava on our own keys'],
      [commits.broken, DAVE.name, DAVE.email, '2024-03-10T17:00:00-05:00', 'WIP'],
      [commits.fixed, DAVE.name, DAVE.email, '2024-03-11T09:00:00-05:00', 'Fix the tier and add Withings'],
      [commits.testing, ERIN.name, ERIN.email, '2024-04-01T09:00:00+00:00', 'Add a testing environment'],
    ]);
    const changes = (commit: string) => diff.commits.find((c) => c.commit === commit)!.changes.map((c) => `${c.environment} ${c.key}: ${c.fromText} -> ${c.toText}`);
    expect(changes(commits.oura!)).toEqual([
      'staging webhook.eventTypes: auth, deauth -> auth, deauth, permission_change',
      'staging providers.OURA: not declared -> enabled, Terra keys',
    ]);
    expect(changes(commits.comment!)).toEqual([]);
    expect(changes(commits.strava!)).toEqual([
      'production secrets.strava-client-secret: (none) -> demo/terra/production/strava-client-secret from stack config stravaClientSecret',
      'production providers.STRAVA: not declared -> enabled, dedicated keys',
      'production providers.STRAVA.clientId: (none) -> 4242',
      'production providers.STRAVA.callbackDomain: (none) -> access.tryterra.co',
    ]);
    // The broken commit changes nothing visible; its changes land on the commit that fixes it.
    expect(changes(commits.broken!)).toEqual([]);
    expect(diff.commits.find((c) => c.commit === commits.broken)!.invalidFiles).toEqual(['config/staging.yaml']);
    expect(changes(commits.fixed!)).toEqual(['staging providers.WITHINGS: not declared -> enabled, Terra keys']);
    const added = changes(commits.testing!);
    expect(added[0]).toBe('testing environment: not declared -> declared in config/testing.yaml');
    expect(added).toContain('testing terra.devId: (none) -> demo-testing-01');
    expect(added).toContain('testing providers.GARMIN: not declared -> enabled, Terra keys');
    expect(diff.changeCount).toBe(diff.commits.reduce((n, c) => n + c.changes.length, 0));
  });

  it('prints the same history as text, commit by commit', () => {
    const result = runCli(['diff', '--since', 'v1'], repo.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Declaration changes since v1 \([0-9a-f]{12}\): \d+ changes in 6 commits\n/);
    expect(result.stdout).toContain(
      `\n${commits.oura!.slice(0, 12)}  2024-02-01T10:30:00+01:00  Bob Builder <bob@example.com>\n    Try Oura in staging\n  staging: webhook event types: +permission_change\n  staging: OURA: not declared -> enabled, Terra keys\n`,
    );
    expect(result.stdout).toContain(`Note the security review\n  (no change to the declarations: comments or formatting only)\n`);
    expect(result.stdout).toContain('  config/staging.yaml does not pass validation at this point; its changes show once it does\n');
    expect(result.stdout).not.toContain('Docs only');
  });

  it('lists uncommitted changes in the working tree after the commits', () => {
    const before = repo.git(['show', 'HEAD:config/production.yaml']);
    repo.write({ 'config/production.yaml': before.replace('  GARMIN: {}\n', '') });
    try {
      const result = runCli(['diff', '--since', commits.testing!, '--format', 'json'], repo.dir);
      expect(result.code).toBe(1);
      const diff = JSON.parse(result.stdout) as HistoryDiff;
      expect(diff.commits).toEqual([]);
      expect(diff.workingTree!.changes.map((c) => `${c.environment} ${c.label}: ${c.fromText} -> ${c.toText}`)).toEqual([
        'production GARMIN: enabled, Terra keys -> not declared',
      ]);
    } finally {
      repo.write({ 'config/production.yaml': before });
    }
  });

  it('exits 2 with a clear message for an unknown ref and outside a repository', () => {
    const unknown = runCli(['diff', '--since', 'v9'], repo.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'terra-iac: unknown git ref "v9": no commit, branch or tag has that name\n  hint: name a commit, branch or tag that exists: git tag --list, git log --oneline -- config\n',
    );
    const outside = mkdtempSync(join(tmpdir(), 'terra-iac-no-git-'));
    const notRepo = runCli(['diff', '--since', 'v1'], outside);
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toContain('is not in a git repository\n  hint: diff --since reads the git history of config/');
    const optionLike = runCli(['diff', '--since=--output=x'], repo.dir);
    expect(optionLike.code).toBe(2);
    expect(optionLike.stderr).toContain('unknown git ref "--output=x"');
  });

  it('records the commit and uncommitted files in the audit report', () => {
    repo.write({ 'config/testing.yaml': environment('testing', { events: 'auth' }) });
    try {
      const report = JSON.parse(runCli(['audit', '--format', 'json'], repo.dir).stdout);
      expect(report.provenance.git).toEqual({ commit: commits.readme, uncommitted: ['config/testing.yaml'] });
    } finally {
      repo.write({ 'config/testing.yaml': environment('testing') });
    }
    const clean = JSON.parse(runCli(['audit', '--format', 'json'], repo.dir).stdout);
    expect(clean.provenance.git).toEqual({ commit: commits.readme, uncommitted: [] });
  });
});

describe('terra-iac diff --since across a merge', { timeout: E2E_TIMEOUT_MS }, () => {
  it('credits the branch author, not the merge commit', () => {
    const repo = new TestRepo();
    repo.commit({ 'config/staging.yaml': environment('staging') }, ALICE, '2024-05-01T09:00:00+00:00', 'Start');
    repo.git(['tag', 'base']);
    repo.git(['checkout', '-q', '-b', 'feature']);
    const polar = repo.commit({ 'config/staging.yaml': environment('staging', { providers: '  GARMIN: {}\n  POLAR: {}\n' }) }, GRACE, '2024-05-02T09:00:00+00:00', 'Polar');
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ 'README.md': 'main moves on\n' }, ALICE, '2024-05-03T09:00:00+00:00', 'Docs');
    repo.git(['merge', '-q', '--no-ff', '--no-gpg-sign', '-m', 'Merge feature', 'feature'], {
      GIT_AUTHOR_NAME: BOB.name, GIT_AUTHOR_EMAIL: BOB.email, GIT_COMMITTER_NAME: BOB.name, GIT_COMMITTER_EMAIL: BOB.email,
    });
    const result = runCli(['diff', '--since', 'base', '--format', 'json'], repo.dir);
    expect(result.code).toBe(1);
    const diff = JSON.parse(result.stdout) as HistoryDiff;
    expect(diff.commits.map((c) => [c.commit, c.author.name, c.changes.map((x) => `${x.label}: ${x.toText}`)])).toEqual([
      [polar, GRACE.name, ['POLAR: enabled, Terra keys']],
    ]);
  });
});
