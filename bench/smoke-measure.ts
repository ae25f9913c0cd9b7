/**
 * Measures the smoke test in-process: 20 declared providers against the local Terra server with 200 ms
 * added to every request (webhook receiver included). Each round times every check alone, then the whole
 * run; prints one JSON object for bench/smoke.js. Usage: node scripts/run-ts.js bench/smoke-measure.ts [rounds]
 */
import { performance } from 'node:perf_hooks';
import { CHECKS } from '../src/terra/smoke/checks';
import { runSmokeTest } from '../src/terra/smoke/run-smoke';
import type { SmokeTarget } from '../src/terra/smoke/smoke-types';
import { startLocalTerra } from '../test/support/local-terra-server';
import { LOCAL_WEB_PROVIDERS, TESTING_DEV_ID } from '../test/support/local-terra-server-data';

const LATENCY_MS = 200;
const PROVIDER_COUNT = 20;
const API_KEY = 'bench-api-key';
const SIGNING_SECRET = 'bench-signing-secret';

async function main(): Promise<void> {
  const rounds = Math.max(1, Number(process.argv[2] ?? 10));
  const codes = LOCAL_WEB_PROVIDERS.slice(0, PROVIDER_COUNT);
  const server = await startLocalTerra({
    apiKey: API_KEY,
    enabled: codes,
    latencyMs: LATENCY_MS,
    webhook: { kind: 'verify', secret: SIGNING_SECRET },
  });
  const target: SmokeTarget = {
    environment: 'bench',
    tier: 'testing',
    devId: TESTING_DEV_ID,
    apiBaseUrl: server.baseUrl,
    apiKey: API_KEY,
    webhookUrl: `${server.origin}/webhook`,
    signingSecret: SIGNING_SECRET,
    providers: codes.map((code) => ({ code, enabled: true, surface: 'web' as const })),
  };
  const timed = async (checks = CHECKS) => {
    const started = performance.now();
    const report = await runSmokeTest(target, { checks });
    const failed = report.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.message}`);
    if (failed.length) throw new Error(`the benchmark run itself failed:\n${failed.join('\n')}`);
    return { wallMs: performance.now() - started, slowestInRunMs: Math.max(...report.checks.map((c) => c.durationMs)) };
  };

  await timed(); // warm-up: loads the SDK and opens the first connections
  const solo: Record<string, number[]> = Object.fromEntries(CHECKS.map((c) => [c.id, []]));
  const full: number[] = [];
  const slowestInRun: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const check of CHECKS) solo[check.id]!.push((await timed([check])).wallMs);
    const run = await timed();
    full.push(run.wallMs);
    slowestInRun.push(run.slowestInRunMs);
  }
  await server.close();
  process.stdout.write(`${JSON.stringify({ rounds, latencyMs: LATENCY_MS, providers: PROVIDER_COUNT, solo, full, slowestInRun })}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`smoke benchmark: ${error.message}\n`);
  process.exit(1);
});
