import { effectiveScopes, resolveEnvironment } from '../auth';
import { envOf, type Handler, type RequestContext, type ServerContext } from '../context';
import { paginate } from '../pagination';
import { AdminProblem, validationFailed } from '../problem';
import { mask } from '../state';
import type { AdminEnvironmentState, AdminWidgetState } from '../types';

/** getMe, the environment profile and detail, the legacy API key, and the widget config. */

const maskOf = (server: ServerContext, secret: string) => mask(secret, server.options.mask ?? 'last4');
const legacyWidget = (server: ServerContext) => (server.options.widgetDeployment ?? 'legacy') === 'legacy';

/** `WidgetConfig`: exactly one of widget_config_url / widget_config, per deployment. */
export function renderWidget(server: ServerContext, widget: AdminWidgetState): Record<string, unknown> {
  return {
    ...(legacyWidget(server) ? { widget_config_url: widget.widgetConfigUrl } : { widget_config: widget.widgetConfig }),
    widget_name: widget.widgetName,
    app_logo: widget.appLogo,
  };
}

/** `EnvironmentProfile`, or null when the dev-id has no profile row. */
export function renderProfile(server: ServerContext, env: AdminEnvironmentState): Record<string, unknown> | null {
  if (!env.profile) return null;
  return { dev_id: env.devId, company_id: server.customerId, name: env.profile.name, billable: env.profile.billable, ...renderWidget(server, env.widget) };
}

const summary = (server: ServerContext, env: AdminEnvironmentState) => ({
  dev_id: env.devId,
  name: env.profile?.name ?? env.name,
  label: env.label,
  active: env.active,
  billable: env.billable,
  profile: renderProfile(server, env),
});

const dryRun = (would: string, preview: Record<string, unknown>) => ({ status: 200, body: { dry_run: true, would, preview } });

const body = <T>(ctx: RequestContext) => ctx.body as T;

export const environmentHandlers: Record<string, Handler> = {
  getMe: (ctx) => {
    const { token, server } = ctx;
    const scopes = effectiveScopes(server, token);
    // "The user object … requires account:read … Without that scope, user is null."
    const user = scopes.includes('account:read')
      ? { user_id: 'usr_local01', email: 'admin@example.test', verified: true, name: 'Local Admin', created_at: '2025-01-10T09:00:00Z', last_login: token.grantAnchorAt, company_id: server.customerId, role: 'admin' }
      : null;
    return {
      status: 200,
      body: {
        token_id: token.tokenId,
        kind: token.kind,
        customer_id: server.customerId,
        scopes,
        dev_ids: token.devIds,
        name: token.name,
        created_via: 'dashboard',
        expires_at: token.expiresAt,
        grant_anchor_at: token.grantAnchorAt,
        last_used_at: token.lastUsedAt,
        user,
        staff: false,
      },
    };
  },

  listEnvironments: (ctx) => {
    const visible = [...ctx.server.environments.values()].filter((env) => ctx.token.devIds === null || ctx.token.devIds.includes(env.devId));
    return { status: 200, body: paginate(ctx, visible.map((env) => summary(ctx.server, env))) };
  },

  createEnvironmentProfile: (ctx) => {
    const request = body<{ dev_id: string; name?: string; billable?: boolean }>(ctx);
    const env = resolveEnvironment(ctx.server, ctx.token, request.dev_id);
    // "idempotent get-or-create; the existing row is returned unchanged"
    if (env.profile) return { status: 200, body: { profile: renderProfile(ctx.server, env) } };
    if (ctx.dryRun) return dryRun('create', { dev_id: env.devId, name: request.name ?? env.devId });
    env.profile = { name: request.name ?? env.devId, billable: request.billable ?? false };
    return { status: 201, body: { profile: renderProfile(ctx.server, env) } };
  },

  getEnvironment: (ctx) => {
    const env = envOf(ctx);
    return {
      status: 200,
      body: {
        ...summary(ctx.server, env),
        api_key_masked: maskOf(ctx.server, env.apiKey),
        signing_secret_masked: maskOf(ctx.server, env.signingSecret),
        user_limit: env.userLimit,
      },
    };
  },

  patchEnvironmentProfile: (ctx) => {
    const env = envOf(ctx);
    const request = body<{ name?: string; billable?: boolean }>(ctx);
    if (!env.profile) {
      throw new AdminProblem(404, 'not_found', 'this dev-id has no environment profile', { remediation: 'Create it with POST /environments.' });
    }
    if (ctx.dryRun) return dryRun('update', { ...request });
    if (request.name !== undefined) env.profile.name = request.name;
    if (request.billable !== undefined) env.profile.billable = request.billable;
    return { status: 200, body: { profile: renderProfile(ctx.server, env) } };
  },

  getEnvironmentApiKey: (ctx) => {
    const env = envOf(ctx);
    return { status: 200, body: { dev_id: env.devId, api_key: env.apiKey, signing_secret: env.signingSecret } };
  },

  rotateEnvironmentApiKey: (ctx) => {
    const env = envOf(ctx);
    if (ctx.dryRun) return dryRun('rotate', { dev_id: env.devId });
    // "The rotated-away secret stops working immediately."
    env.apiKey = ctx.server.gen.secret('api-key');
    return { status: 200, body: { dev_id: env.devId, api_key: env.apiKey } };
  },

  getWidgetConfig: (ctx) => ({ status: 200, body: { widget: renderWidget(ctx.server, envOf(ctx).widget) } }),

  setWidgetConfig: (ctx) => {
    const env = envOf(ctx);
    const request = body<{ widget_config_url?: string | null; widget_config?: Record<string, unknown> | null; widget_name?: string | null; app_logo?: string | null }>(ctx);
    const legacy = legacyWidget(ctx.server);
    const refused = legacy ? 'widget_config' : 'widget_config_url';
    if (request[refused] !== undefined && request[refused] !== null) {
      const served = legacy ? 'widget_config_url' : 'widget_config';
      throw validationFailed([`${refused}: not accepted on this deployment, which serves ${served}`]);
    }
    if (ctx.dryRun) return dryRun('replace', { ...request });
    // "Replace the dev-id's widget config (full replace)": an omitted field is cleared.
    env.widget = {
      widgetConfigUrl: legacy ? (request.widget_config_url ?? null) : null,
      widgetConfig: legacy ? null : (request.widget_config ?? null),
      widgetName: request.widget_name ?? null,
      appLogo: request.app_logo ?? null,
    };
    return { status: 200, body: { widget: renderWidget(ctx.server, env.widget) } };
  },
};
