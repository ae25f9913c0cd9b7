import { PROVIDER_CODES, findProvider, type ProviderFacts } from '../catalog/providers';
import { SOURCES } from '../catalog/sources';
import { didYouMean } from '../core/did-you-mean';
import type { Rule, RuleContext } from '../validate/rule-contract';
import { declaredProviders } from '../model/enabled-providers';
import { modeledEnvironments, type ModeledEnvironment } from './util/environments';

/** Terra answers an unknown resource code with 404 at connection time; catch the typo in review instead. */
export const providerUnknown: Rule = {
  id: 'provider-unknown',
  severity: 'error',
  description:
    'Provider keys must be Terra resource codes (GARMIN, STRAVA, ...); unknown codes get a did-you-mean. Codes seen only in older or third-party material (UNCONFIRMED) warn.',
  source: `${SOURCES.integrationsList}; ${SOURCES.supportedIntegrations}`,
  fix: 'Use the Terra resource code (the message suggests the nearest one); for an UNCONFIRMED code, check that `GET /integrations` lists it for your dev-id before relying on it.',
  check(ctx) {
    // UNCONFIRMED codes Terra's own docs use, with every environment declaring them: noted once per run.
    const named = new Map<string, { facts: ProviderFacts; envs: ModeledEnvironment[] }>();
    for (const env of modeledEnvironments(ctx)) {
      for (const [code] of declaredProviders(env.model)) {
        const path = ['providers', code];
        const facts = findProvider(code);
        if (!facts) {
          const suggestion = didYouMean(code, PROVIDER_CODES);
          ctx.report(env.file, {
            path,
            target: 'key',
            message: `unknown provider code \`${code}\``,
            hint: suggestion
              ? `did you mean \`${suggestion}\`?`
              : 'use a resource code from Terra\'s integrations list (GET /integrations lists the ones your dev-id can use)',
          });
        } else if (!facts.confirmed && facts.namedIn) {
          const seen = named.get(code) ?? { facts, envs: [] };
          seen.envs.push(env);
          named.set(code, seen);
        } else if (!facts.confirmed) {
          ctx.report(env.file, {
            path,
            target: 'key',
            severity: 'warning',
            message: `provider code \`${code}\` (${facts.name}) is UNCONFIRMED: it appears only in older or third-party material`,
            hint: 'check that GET /integrations lists it for your dev-id before relying on it',
          });
        }
      }
    }
    for (const { facts, envs } of named.values()) noteNamedInDocs(ctx, facts, envs);
  },
};

/**
 * One info at the first environment that declares the code: the catalog fact is the same for every
 * environment, so saying it in each would only repeat it; the live list is what settles it. An environment
 * before that one whose file does not pass its schema might declare the code too, so then nothing is said:
 * a broken file may hide this note, never move it into another file.
 */
function noteNamedInDocs(ctx: RuleContext, facts: ProviderFacts, envs: readonly ModeledEnvironment[]): void {
  const first = envs[0];
  if (!first) return;
  const before = ctx.environments.slice(0, ctx.environments.indexOf(first));
  if (before.some((e) => e.model === undefined)) return;
  ctx.report(first.file, {
    path: ['providers', facts.code],
    target: 'key',
    severity: 'info',
    // Infos print as one line in the text report, so how to settle it is in the message, not only the hint.
    message:
      `provider code \`${facts.code}\` (${facts.name}) is UNCONFIRMED: Terra's docs use it but its integrations list does not; ` +
      `confirm it against the live list with \`terra-iac smoke --env ${first.name}\` (check providers.known) or \`terra-iac drift --env ${first.name}\``,
    hint: `the Terra page that uses it: ${facts.namedIn}`,
  });
}
