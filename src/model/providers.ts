import { z } from 'zod';
import { PROVIDERS, type KeyShape, type ProviderFacts } from '../catalog/providers';
import { DEDICATED_KEY_SHAPES } from './dedicated-keys';
import { EDITOR } from './editor-annotations';
import { providerChecks } from './provider-editor-checks';
import { providerDescription, providerMarkdownDescription } from './provider-descriptions';
import { FreestyleLibreOptions, PROVIDER_OPTION_SETS, SamsungOptions } from './provider-options';

const common = {
  enabled: z.boolean().optional().describe('Set false to keep the declaration but have the provider off (default true).'),
  notes: z.string().optional().describe('Free text for reviewers and auditors.'),
  scopes: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe(
      'Custom OAuth scopes Terra requests from this provider (admin API `setSourceScopes`); omitted means Terra\'s defaults. For GOOGLE, `dedicatedKeys.scopes` means the same.',
    ),
};

const SHAPE_TITLES: Record<KeyShape, string> = {
  generic: 'Provider',
  strava: 'StravaProvider',
  virtuagym: 'VirtuagymProvider',
  huawei: 'HuaweiProvider',
  google: 'GoogleProvider',
};

/**
 * One provider's settings as the code sees them: the common fields, any of the dedicated-key shapes and every
 * option set (all optional). Each provider's own schema below accepts a subset of it, so the type is exact for
 * reading the model while the schema stays precise per provider.
 */
type AnyProviderShape = typeof common & {
  dedicatedKeys: z.ZodOptional<(typeof DEDICATED_KEY_SHAPES)[KeyShape]>;
} & typeof FreestyleLibreOptions &
  typeof SamsungOptions;
export type ProviderSettings = z.infer<z.ZodObject<AnyProviderShape>>;

const cache = new Map<string, z.ZodType<ProviderSettings>>();

/**
 * One settings shape per (key shape, option set), shared by every provider that has it. Providers whose keys
 * are "not applicable" still accept a dedicatedKeys block here so the rule can say why it is wrong.
 */
function settingsFor({ keyShape, options }: Pick<ProviderFacts, 'keyShape' | 'options'>): z.ZodType<ProviderSettings> {
  const id = `${SHAPE_TITLES[keyShape]}${options ? `With${options[0]!.toUpperCase()}${options.slice(1)}` : ''}`;
  const existing = cache.get(id);
  if (existing) return existing;
  const schema = z
    .strictObject({
      ...common,
      dedicatedKeys: DEDICATED_KEY_SHAPES[keyShape].optional().describe('Your own ("bring your own") OAuth keys for this provider.'),
      ...(options ? PROVIDER_OPTION_SETS[options] : {}),
    })
    .meta({ id });
  cache.set(id, schema);
  return schema;
}

/** Settings for a code Terra does not document: generic, so the unknown-code rule can speak first. */
export const UnknownProviderSettings = settingsFor({ keyShape: 'generic' });

/** One known code's entry; editors show its name and key policy in completion and hover, and check that policy. */
function providerEntry(facts: ProviderFacts) {
  return settingsFor(facts)
    .optional()
    .register(EDITOR, { description: providerDescription(facts), markdownDescription: providerMarkdownDescription(facts), ...providerChecks(facts) });
}

/**
 * Enabled providers, keyed by Terra resource code. Known codes get their own settings shape; any other key
 * passes the schema and is reported by the `provider-unknown` rule with a did-you-mean. Editors flag it from
 * the key alone (UNCONFIRMED codes are known names there, as the rule only warns about them).
 */
export const Providers = z
  .object(Object.fromEntries(PROVIDERS.map((p) => [p.code, providerEntry(p)])))
  .catchall(UnknownProviderSettings)
  .describe('Providers this environment enables, keyed by Terra resource code (GARMIN, STRAVA, ...). `{}` takes the defaults.')
  .register(EDITOR, {
    // doNotSuggest: completion offers the codes from `properties`, with their names, and not a second time bare.
    propertyNames: {
      doNotSuggest: true,
      enum: PROVIDERS.map((p) => p.code),
      errorMessage:
        'Unknown provider code: use a Terra resource code from the completion list (GARMIN, STRAVA, ...); `terra-iac validate` suggests the nearest one (provider-unknown).',
    },
  });
