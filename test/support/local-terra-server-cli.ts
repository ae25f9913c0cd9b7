/**
 * Starts the local Terra server by hand, for the README demo:
 *   node scripts/run-ts.js test/support/local-terra-server-cli.ts [--port 8787] [--fault NAME] [--latency-ms N]
 * It serves the data API at http://127.0.0.1:PORT/v2 (and /api/v2) and a verifying webhook receiver at
 * /webhook, with demo credentials printed on start. Faults: 401, 403, 404-dev-id, 429, 500, slow,
 * malformed-json, not-enabled, 50-users, accept-forged, wrong-secret.
 */
import { startLocalTerra, type LocalTerraOptions } from './local-terra-server';
import { TESTING_DEV_ID, TESTING_ENABLED } from './local-terra-server-data';

const DEMO_API_KEY = 'local-demo-api-key';
const DEMO_SIGNING_SECRET = 'local-demo-signing-secret';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

function optionsFor(fault: string | undefined): LocalTerraOptions {
  const base: LocalTerraOptions = { apiKey: DEMO_API_KEY, devId: flag('dev-id') ?? TESTING_DEV_ID, webhook: { kind: 'verify', secret: DEMO_SIGNING_SECRET } };
  switch (fault) {
    case undefined: return base;
    case '401': return { ...base, apiKey: 'some-other-key' };
    case '403': return { ...base, apiKey: 'some-other-key', faults: { wrongKeyStatus: 403 } };
    case '404-dev-id': return { ...base, devId: 'some-other-dev-id' };
    case '429': return { ...base, faults: { rateLimit: { times: 1, retryAfterSeconds: 1 } } };
    case '500': return { ...base, faults: { serverError: true } };
    case 'slow': return { ...base, faults: { delayMs: 15_000 } };
    case 'malformed-json': return { ...base, faults: { malformedJson: true } };
    case 'not-enabled': return { ...base, enabled: TESTING_ENABLED.filter((code) => code !== 'POLAR') };
    case '50-users': return { ...base, users: 50 };
    case 'accept-forged': return { ...base, webhook: { kind: 'accept-all' } };
    case 'wrong-secret': return { ...base, webhook: { kind: 'verify', secret: 'another-destination-secret' } };
    default: throw new Error(`unknown --fault ${fault}`);
  }
}

async function main(): Promise<void> {
  const port = Number(flag('port') ?? 8787);
  const fault = flag('fault');
  const server = await startLocalTerra({ ...optionsFor(fault), latencyMs: Number(flag('latency-ms') ?? 0) }, port);
  process.stdout.write(
    [
      `Local Terra server${fault ? ` (fault: ${fault})` : ''} on ${server.baseUrl} (also ${server.origin}/api/v2)`,
      `Webhook receiver (verifies signatures): ${server.origin}/webhook`,
      'Try:',
      `  TERRA_API_KEY=${DEMO_API_KEY} TERRA_WEBHOOK_SIGNING_SECRET=${DEMO_SIGNING_SECRET} \\`,
      `    npx terra-iac smoke --env testing --api-base-url ${server.baseUrl} --webhook-url ${server.origin}/webhook`,
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
}

main().catch((error: Error) => {
  process.stderr.write(`local-terra-server: ${error.message}\n`);
  process.exit(2);
});
