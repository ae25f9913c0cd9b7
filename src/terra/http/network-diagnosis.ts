import type * as Net from 'node:net';

/**
 * fetch() reports every transport failure as "fetch failed"; a bare TCP connect to the same host says
 * which one it was (refused, unknown host, unreachable), so the message can tell the user what to fix.
 */
export async function diagnoseConnection(url: string, timeoutMs: number): Promise<string> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return `${url} is not a valid URL`;
  }
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const where = `${host}:${port}`;
  // Required here, not imported: the smoke test's Pulumi provider is serialized with its closure (https://www.pulumi.com/docs/iac/concepts/functions/function-serialization/).
  const { connect } = require('node:net') as typeof Net;
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    // Declared before `finish` uses it: Pulumi's closure analysis does not follow later declarations.
    let timer: NodeJS.Timeout | undefined = undefined;
    const finish = (text: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(text);
    };
    timer = setTimeout(() => finish(`could not reach ${where} (no TCP answer within ${timeoutMs} ms)`), Math.max(1, timeoutMs));
    socket.once('connect', () => finish(`${where} accepts connections but the request failed (TLS or protocol error?)`));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const reason: Record<string, string> = {
        ECONNREFUSED: `connection refused by ${where}: nothing is listening there`,
        ENOTFOUND: `host ${host} not found (DNS)`,
        EAI_AGAIN: `host ${host} could not be resolved (DNS temporarily unavailable)`,
        EHOSTUNREACH: `host ${host} is unreachable`,
        ENETUNREACH: `network unreachable for ${host}`,
        ECONNRESET: `connection to ${where} was reset`,
        ETIMEDOUT: `connection to ${where} timed out`,
      };
      finish(reason[error.code ?? ''] ?? `could not connect to ${where} (${error.code ?? 'unknown error'})`);
    });
  });
}
