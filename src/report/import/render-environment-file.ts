import { Document, isMap, isSeq, type Pair } from 'yaml';
import { PROVIDERS } from '../../catalog/providers';
import type { ImportedEnvironment } from '../../terra/admin/import-environment';
import { commentAbove, flowSmallMaps, NEEDS_A_HUMAN, pairAt, pairOf, WRITE_OPTIONS } from './yaml-nodes';

/** One top-level section of config/<env>.yaml, or nothing when the import has nothing for it. */
type EnvironmentSection = (doc: Document, imported: ImportedEnvironment) => Pair | undefined;

const setCommand = (imported: ImportedEnvironment, key: string) => `pulumi config set --secret ${key} --stack ${imported.environment}`;

function tierSection(doc: Document, { tier }: ImportedEnvironment): Pair | undefined {
  // A file named testing, staging or production already says its tier (as the validator reads it).
  if (tier.source === 'name') return undefined;
  const pair = pairOf(doc, 'tier', tier.tier);
  if (tier.source === 'terra') commentAbove(pair, `${NEEDS_A_HUMAN} check the tier: ${tier.how}`);
  return pair;
}

function descriptionSection(doc: Document, imported: ImportedEnvironment): Pair {
  const text = `${imported.displayName ?? 'Terra environment'} (imported from dev-id ${imported.devId})`;
  return pairOf(doc, 'description', text, `${NEEDS_A_HUMAN} what this environment is for`);
}

function ownersSection(doc: Document): Pair {
  return pairOf(doc, 'owners', [{ team: 'unassigned' }], `${NEEDS_A_HUMAN} the owning team (it becomes the AWS owner tag), and an email for auditors`);
}

function terraSection(doc: Document, imported: ImportedEnvironment): Pair {
  const pair = pairOf(doc, 'terra', {
    devId: imported.devId,
    apiBaseUrl: imported.apiBaseUrl,
    apiKey: { fromStackConfig: secretKey(imported, 'terra', 'apiKey') },
    admin: { baseUrl: imported.adminBaseUrl },
  });
  const map = pair.value;
  flowSmallMaps(map);
  if (!isMap(map)) return pair;
  note(pairAt(map, ['apiBaseUrl']), `${NEEDS_A_HUMAN} this dev-id's data API: https://access.tryterra.co/api/v2 for current dev-ids, https://api.tryterra.co/v2 for older ones`);
  note(pairAt(map, ['apiKey']), `the environment's API key (Terra shows it masked): ${setCommand(imported, secretKey(imported, 'terra', 'apiKey'))}`);
  note(pairAt(map, ['admin', 'baseUrl']), 'where the import read Terra\'s admin API; --admin-base-url and TERRA_ADMIN_BASE_URL override it');
  return pair;
}

function webhookSection(doc: Document, imported: ImportedEnvironment): Pair | undefined {
  const hook = imported.webhook;
  if (!hook) return undefined;
  const value: Record<string, unknown> = { url: hook.url, signingSecret: hook.signingSecret };
  if (hook.eventTypes) value.eventTypes = [...hook.eventTypes];
  if (!hook.active) value.active = false;
  const pair = pairOf(doc, 'webhook', value);
  flowSmallMaps(pair.value);
  if (isMap(pair.value)) {
    const key = secretKey(imported, 'webhook', 'signingSecret');
    note(
      pairAt(pair.value, ['signingSecret']),
      `Terra shows a destination's signing secret only when it creates it: store the one your receiver verifies with: ${setCommand(imported, key)}\n` +
        '(lost it? bump webhook.signingSecretVersion and `terra-iac apply` makes a new destination with a new secret)',
    );
    const types = pairAt(pair.value, ['eventTypes']);
    if (types) flowSeq(types);
  }
  return pair;
}

const MOBILE_SDK = PROVIDERS.filter((p) => p.surface === 'mobile-sdk').map((p) => p.code);

function providersSection(doc: Document, imported: ImportedEnvironment): Pair {
  const pair = pairOf(
    doc,
    'providers',
    Object.fromEntries(imported.providers.map((p) => [p.code, p.settings])),
    `Every source Terra has on. Mobile-SDK providers (${MOBILE_SDK.join(', ')}) are not sources of the admin API:\n` +
      `${NEEDS_A_HUMAN} add the ones your apps use (e.g. \`APPLE: {}\`).`,
  );
  const map = pair.value;
  if (!isMap(map)) return pair;
  flowSmallMaps(map);
  for (const provider of imported.providers) {
    for (const item of provider.notes) note(pairAt(map, [provider.code, ...item.path]), `${NEEDS_A_HUMAN} ${item.text}`);
    const scopes = pairAt(map, [provider.code, 'scopes']);
    if (scopes) flowSeq(scopes);
  }
  return pair;
}

function dataSection(doc: Document, imported: ImportedEnvironment): Pair | undefined {
  if (!imported.data) return undefined;
  const pair = pairOf(doc, 'data', imported.data, 'Terra\'s data selection as the import found it: drift and apply keep it so (docs/data-and-widget.md)');
  if (isMap(pair.value)) {
    const types = pairAt(pair.value, ['types']);
    if (types) flowSeq(types);
    for (const type of Object.keys(imported.data.fields ?? {})) {
      const fields = pairAt(pair.value, ['fields', type]);
      if (fields) flowSeq(fields);
    }
  }
  return pair;
}

function widgetSection(doc: Document, imported: ImportedEnvironment): Pair | undefined {
  return imported.widget ? pairOf(doc, 'widget', imported.widget) : undefined;
}

function awsSection(doc: Document, imported: ImportedEnvironment): Pair {
  return pairOf(
    doc,
    'aws',
    { secretNamePrefix: 'terra' },
    `${NEEDS_A_HUMAN} where the secrets go in AWS Secrets Manager (<secretNamePrefix>/${imported.environment}/<purpose>);\n` +
      'region defaults to the stack\'s aws:region; add kmsKeyId and consumerRoleArn as your AWS account needs',
  );
}

/** The sections of config/<env>.yaml, in the order the shipped files use. */
const ENVIRONMENT_SECTIONS: readonly EnvironmentSection[] = [
  tierSection,
  descriptionSection,
  ownersSection,
  terraSection,
  webhookSection,
  providersSection,
  dataSection,
  widgetSection,
  awsSection,
];

/** config/<env>.yaml as an import writes it: the `$schema` line, the sections, and comments where a human is needed. */
export function renderEnvironmentFile(imported: ImportedEnvironment): string {
  const doc = new Document({});
  if (!isMap(doc.contents)) throw new Error('a new document holds a map');
  doc.contents.commentBefore = [
    ' yaml-language-server: $schema=../schemas/environment.schema.json',
    ` Terra "${imported.environment}" environment (dev-id ${imported.devId}), read from Terra's admin API by \`terra-iac import\`.`,
    ` Comments marked "${NEEDS_A_HUMAN}" are what the admin API cannot tell. Secrets are references only: set`,
    ' each one with the `pulumi config set --secret` command beside it (docs/adopt-existing-environment.md).',
  ].join('\n');
  for (const section of ENVIRONMENT_SECTIONS) {
    const pair = section(doc, imported);
    if (pair) doc.contents.items.push(pair);
  }
  if (imported.remarks.length > 0) doc.comment = [' Not imported as it is:', ...imported.remarks.map((r) => ` - ${r}`)].join('\n');
  return doc.toString(WRITE_OPTIONS);
}

function secretKey(imported: ImportedEnvironment, ...path: string[]): string {
  const found = imported.secrets.find((s) => s.path.length === path.length && s.path.every((p, i) => p === path[i]));
  if (!found) throw new Error(`no stack key for ${path.join('.')}`);
  return found.stackKey;
}

function note(pair: Pair | undefined, text: string): void {
  if (pair) commentAbove(pair, text);
}

function flowSeq(pair: Pair): void {
  if (isSeq(pair.value)) pair.value.flow = true;
}
