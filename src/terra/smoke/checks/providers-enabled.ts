import type { SmokeCheck } from '../smoke-context';
import { adviceFor, describeError, fail, pass, warn } from './outcomes';

/**
 * `GET /integrations/detailed?sdk=true` with the dev-id lists the providers enabled for this environment
 * (tryterra/openapi v2-bundled.yaml `GET /integrations/detailed`, dev-id header; tryterra/agent-skills skills/terra-unified-api/rules/auth-integrations-endpoint-headers.md). Declared but off = fail; on but undeclared = drift.
 */
export const providersEnabled: SmokeCheck = {
  id: 'providers.enabled',
  description: 'Every declared provider is enabled for the dev-id (`GET /integrations/detailed`); providers enabled in Terra but not declared are drift (warn).',
  async run({ shared, target }) {
    let enabled: Set<string>;
    try {
      const list = await shared.enabledIntegrations();
      enabled = new Set(list.filter((item) => item.enabled).map((item) => item.provider));
    } catch (error) {
      return fail(`could not read the enabled providers: ${describeError(error)}; ${adviceFor(error, target.apiBaseUrl)}`);
    }
    const wanted = target.providers.filter((p) => p.enabled).map((p) => p.code);
    const missing = wanted.filter((code) => !enabled.has(code));
    const wantedSet = new Set(wanted);
    const drift = [...enabled].filter((code) => !wantedSet.has(code)).sort();
    const file = `config/${target.environment}.yaml`;
    const driftText = drift.length
      ? `enabled in Terra but not declared: ${drift.join(', ')} (declare them in ${file} or disable them in Terra)`
      : '';
    if (missing.length) {
      const text = `declared in ${file} but not enabled in Terra for dev-id ${target.devId}: ${missing.join(', ')}; enable them in the Terra dashboard (or \`terra unified-api sources enable\`), or remove them from the file`;
      return fail(driftText ? `${text}; also ${driftText}` : text);
    }
    if (drift.length) return warn(`drift: ${driftText}`);
    return pass(`all ${wanted.length} declared providers are enabled in Terra, and nothing else is`);
  },
};
