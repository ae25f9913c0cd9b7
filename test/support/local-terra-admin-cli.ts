/**
 * Runs the local Terra admin-API server as a process, for CLI process tests and by hand:
 *   node scripts/run-ts.js test/support/local-terra-admin-cli.ts [--port 0] [--seed FILE.json]
 *     [--fault NAME]... [--scopes a,b] [--dev-ids a,b] [--latency-ms N]
 * When listening it prints one JSON line, {"baseUrl", "token"}, on stdout: the admin base URL and an admin
 * token holding --scopes (default: every scope the server's operations need). The seed is an AdminSeed
 * (test/support/local-terra-admin/types.ts); without one, the shipped testing dev-id exists with no
 * configuration. SIGINT or SIGTERM stops it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OPERATION_SCOPES, startLocalTerraAdmin, type AdminSeed } from './local-terra-admin';
import { combineFaults } from './local-terra-admin/cli-faults';
import { TESTING_DEV_ID } from './local-terra-server-data';

function readSeed(file: string | undefined): AdminSeed {
  if (file === undefined) return { environments: { [TESTING_DEV_ID]: {} } };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read --seed ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let seed: unknown;
  try {
    seed = JSON.parse(text);
  } catch (error) {
    throw new Error(`--seed ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const environments = (seed as { environments?: unknown } | null)?.environments;
  if (!environments || typeof environments !== 'object' || Array.isArray(environments)) {
    throw new Error(`--seed ${file} needs an "environments" object keyed by dev-id`);
  }
  return seed as AdminSeed;
}

const list = (text: string | undefined) => (text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string' },
      fault: { type: 'string', multiple: true, default: [] },
      scopes: { type: 'string' },
      'dev-ids': { type: 'string' },
      'latency-ms': { type: 'string', default: '0' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const { options, faults } = combineFaults(values.fault);
  const server = await startLocalTerraAdmin({ ...options, seed: readSeed(values.seed), port, latencyMs: Number(values['latency-ms']), faults });
  const token = server.issueToken({ scopes: list(values.scopes) ?? [...OPERATION_SCOPES], devIds: list(values['dev-ids']) ?? null, expiresAt: null, name: 'local-terra-admin-cli' });
  process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl, token })}\n`);
  // A response that broke the spec was answered as a 500 at the time; say so again on the way out.
  const stop = () =>
    void server.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`local-terra-admin: ${error.message}\n`);
        process.exit(1);
      },
    );
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`local-terra-admin: ${error.message}\n`);
  process.exit(2);
});
