/**
 * Measures `drift` in-process against the local admin server: an environment declaring 40 web providers
 * (all enabled in Terra), 100 ms added to every answer. Each round times the whole drift (project load,
 * `GET /me` preflight, live read, diff) and, paired with it, the longest dependent chain of its calls made
 * one after another (`getMe`, then `listSources`, then one `getSourceCredentials`, which needs the list).
 * Prints one JSON object for bench/drift.js. Usage: node scripts/run-ts.js bench/drift-measure.ts [rounds]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { PROVIDERS } from '../src/catalog/providers';
import { adminCode } from '../src/catalog/admin-codes';
import { driftReport, openAdminSession } from '../src/cli/admin-session';
import type { Io } from '../src/cli/io';
import { TerraAdminClient } from '../src/terra/admin/client';
import { startLocalTerraAdmin } from '../test/support/local-terra-admin';

const LATENCY_MS = 100;
const PROVIDER_COUNT = 40;
const ENV = 'testing';
// The script runs bundled from dist/scripts/ (scripts/run-ts.js).
const REPO = join(__dirname, '..', '..');

/** The shipped testing environment with its providers replaced by 40 web providers that need no keys. */
function project(codes: readonly string[]): { dir: string; devId: string; webhookUrl: string } {
  const dir = mkdtempSync(join(tmpdir(), 'terra-iac-bench-drift-'));
  for (const name of ['config', 'schemas', 'Pulumi.yaml', `Pulumi.${ENV}.yaml`]) cpSync(join(REPO, name), join(dir, name), { recursive: true });
  const file = join(dir, 'config', `${ENV}.yaml`);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.set('providers', Object.fromEntries(codes.map((code) => [code, {}])));
  writeFileSync(file, doc.toString());
  return { dir, devId: String(doc.getIn(['terra', 'devId'])), webhookUrl: String(doc.getIn(['webhook', 'url'])) };
}

async function main(): Promise<void> {
  const rounds = Math.max(1, Number(process.argv[2] ?? 10));
  const codes = PROVIDERS.filter((p) => p.surface === 'web' && p.confirmed && !p.deprecated && p.credentials !== 'required' && !p.options && !p.partnership)
    .map((p) => p.code)
    .slice(0, PROVIDER_COUNT);
  if (codes.length < PROVIDER_COUNT) throw new Error(`the catalog has only ${codes.length} web providers that need no keys`);
  const { dir, devId, webhookUrl } = project(codes);
  const admin = await startLocalTerraAdmin({
    latencyMs: LATENCY_MS,
    seed: { environments: { [devId]: { sources: Object.fromEntries(codes.map((code) => [adminCode(code), { active: true }])), destinations: [{ url: webhookUrl }] } } },
  });
  const token = admin.issueToken({ scopes: ['providers:read', 'destinations:read'] });
  const env = { TERRA_ADMIN_TOKEN: token, PATH: process.env.PATH };
  const io: Io = { stdout: () => {}, stderr: (text) => process.stderr.write(text), env, cwd: dir, isTTY: false };

  let requestsPerDrift = 0;
  const drift = async () => {
    const before = admin.requests.length;
    const started = performance.now();
    const session = await openAdminSession({ env: ENV, 'admin-base-url': admin.baseUrl }, [], io, true);
    const report = await driftReport(session);
    requestsPerDrift = admin.requests.length - before;
    if (!report.inSync) throw new Error(`the benchmark's environment should be in sync: ${JSON.stringify(report.changes).slice(0, 400)}`);
    return performance.now() - started;
  };
  const chain = async () => {
    const client = new TerraAdminClient({ baseUrl: admin.baseUrl, env, readOnly: true });
    const started = performance.now();
    await client.getMe();
    await client.listSources(devId);
    await client.getSourceCredentials(devId, adminCode(codes[0]!));
    return performance.now() - started;
  };

  await drift(); // warm-up: loads the modules and opens the first connections
  await chain();
  const driftMs: number[] = [];
  const chainMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternating which goes first, so neither always runs on the warmer connections.
    if (round % 2 === 0) {
      driftMs.push(await drift());
      chainMs.push(await chain());
    } else {
      chainMs.push(await chain());
      driftMs.push(await drift());
    }
  }
  await admin.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ rounds, latencyMs: LATENCY_MS, providers: codes.length, driftMs, chainMs, requestsPerDrift })}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`drift benchmark: ${error.message}\n`);
  process.exitCode = 1;
});
