import { envOf, type Handler, type RequestContext } from '../context';
import { paginate } from '../pagination';
import { AdminProblem, notFound } from '../problem';
import { mask } from '../state';

/** Sources (providers): enablement, dedicated OAuth credentials and custom scopes. */

/**
 * The provider path segment as a lowercase admin code. The spec's examples are lowercase (`garmin`) while
 * the terra CLI prints `GARMIN` (tryterra/terra-cli CHANGELOG.md, v0.5.0); `casing: 'lowercase-only'` models a Terra that accepts only the former.
 */
export function providerCode(ctx: RequestContext): string {
  const raw = ctx.params.provider ?? '';
  const code = raw.toLowerCase();
  const known = ctx.server.options.providers;
  const strictCase = ctx.server.options.casing === 'lowercase-only' && raw !== code;
  if (strictCase || (known ? !known.includes(code) : !/^[a-z0-9_]+$/.test(code))) {
    throw notFound(`unknown provider ${JSON.stringify(raw)}`);
  }
  return code;
}

const dryRun = (would: string, preview: Record<string, unknown>) => ({ status: 200, body: { dry_run: true, would, preview } });

function credentialsOf(ctx: RequestContext, code: string) {
  const stored = envOf(ctx).credentials[code];
  return {
    provider: code,
    has_credentials: stored !== undefined,
    // Terra-managed keys until the customer sets their own.
    terra_owned: stored === undefined,
    credential: stored
      ? { provider_client_id: stored.clientId, provider_client_secret_masked: mask(stored.clientSecret, ctx.server.options.mask ?? 'last4') }
      : null,
  };
}

export const sourceHandlers: Record<string, Handler> = {
  listSources: (ctx) => {
    const rows = Object.entries(envOf(ctx).sources).map(([provider, row]) => ({
      provider,
      active: row.active,
      ...(row.authRedirectUrl === undefined ? {} : { auth_redirect_url: row.authRedirectUrl }),
    }));
    const notices = ctx.server.options.notices ?? ['The list covers unified-api providers only and omits LAB_REPORTS, which the dashboard shows separately.'];
    const headers: Record<string, string[]> = notices.length > 0 ? { 'terra-notice': [...notices] } : {};
    return { status: 200, body: paginate(ctx, rows), headers };
  },

  enableSource: (ctx) => {
    const code = providerCode(ctx);
    if (ctx.dryRun) return dryRun('enable', { provider: code });
    const env = envOf(ctx);
    env.sources[code] = { ...env.sources[code], active: true };
    return { status: 200, body: { provider: code, active: true } };
  },

  disableSource: (ctx) => {
    const code = providerCode(ctx);
    if (ctx.dryRun) return dryRun('disable', { provider: code });
    const row = envOf(ctx).sources[code];
    // Disabling a provider that is not enabled is a no-op, like the enable ("idempotent").
    if (row) row.active = false;
    return { status: 204 };
  },

  getSourceCredentials: (ctx) => ({ status: 200, body: credentialsOf(ctx, providerCode(ctx)) }),

  setSourceCredentials: (ctx) => {
    const code = providerCode(ctx);
    if ((ctx.server.options.noCustomCredentials ?? []).map((c) => c.toLowerCase()).includes(code)) {
      throw new AdminProblem(422, 'unsupported_operation', 'this provider does not support custom credentials', {
        remediation: 'Use Terra-managed keys for this provider.',
      });
    }
    const request = ctx.body as { client_id: string; client_secret: string; redirect_url?: string; verification_secret?: string; sandbox?: boolean };
    if (ctx.dryRun) return dryRun('set_credentials', { provider: code, client_id: request.client_id });
    // A full replace: fields left out (redirect_url, sandbox, verification_secret) are cleared.
    envOf(ctx).credentials[code] = {
      clientId: request.client_id,
      clientSecret: request.client_secret,
      ...(request.redirect_url === undefined ? {} : { redirectUrl: request.redirect_url }),
      ...(request.verification_secret === undefined ? {} : { verificationSecret: request.verification_secret }),
      ...(request.sandbox === undefined ? {} : { sandbox: request.sandbox }),
    };
    return { status: 200, body: credentialsOf(ctx, code) };
  },

  getSourceScopes: (ctx) => {
    const code = providerCode(ctx);
    // "Empty when the provider has no custom scopes — never null."
    return { status: 200, body: { provider: code, scopes: [...(envOf(ctx).customScopes[code] ?? [])] } };
  },

  setSourceScopes: (ctx) => {
    const code = providerCode(ctx);
    const scopes = (ctx.body as { scopes: string[] }).scopes;
    if (ctx.dryRun) return dryRun('set_scopes', { provider: code, scopes });
    const env = envOf(ctx);
    // "Empty clears the provider's custom scopes."
    if (scopes.length === 0) delete env.customScopes[code];
    else env.customScopes[code] = [...scopes];
    return { status: 200, body: { provider: code, scopes: [...scopes] } };
  },
};
