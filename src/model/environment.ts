import { z } from 'zod';
import { TIERS } from '../catalog/environment-limits';
import { DataConfig, WidgetBranding } from './data-config';
import { ExtraDestination, Webhook } from './destinations';
import { EDITOR, HTTPS_OR_HTTP_IP_URL_PATTERN } from './editor-annotations';
import { AwsRegion, Email, HttpUrl, IamRoleArn, KmsKeyRef } from './patterns';
import { environmentChecks } from './environment-editor-checks';
import { Providers } from './providers';
import { SecretRef } from './secret-ref';

export const Tier = z.enum(TIERS).describe('Terra environment kind. Required when the file name is not testing, staging or production.');

/** How `drift` and `apply` reach this environment through Terra's admin API. */
export const TerraAdmin = z
  .strictObject({
    baseUrl: HttpUrl.optional()
      .describe('Admin API base URL, ending in /api/v3/admin (Terra publishes no host); --admin-base-url and TERRA_ADMIN_BASE_URL override it.')
      .register(EDITOR, {
        pattern: HTTPS_OR_HTTP_IP_URL_PATTERN,
        patternErrorMessage:
          'The admin API base URL carries the admin token: it must use https:// (plain http only to a loopback test server such as http://127.0.0.1:8080/api/v3/admin) (admin-base-url).',
      }),
    undeclaredProviders: z
      .enum(['disable', 'keep'])
      .optional()
      .describe(
        'What `apply` does with a provider enabled in Terra but not declared here: disable (default; the declaration is the whole truth) or keep.',
      ),
  })
  .meta({ id: 'TerraAdmin', title: 'Terra admin API' });

export const TerraAccount = z
  .strictObject({
    devId: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/, 'expected a Terra dev-id (letters, digits, . _ -)')
      .describe('Terra developer id of this environment (not a secret; sent as the dev-id header).'),
    apiBaseUrl: HttpUrl.optional().describe(
      'Data API base URL: https://api.tryterra.co/v2 (default, older dev-ids) or https://access.tryterra.co/api/v2.',
    ),
    apiKey: SecretRef.describe('Reference to this environment\'s Terra API key (x-api-key).'),
    admin: TerraAdmin.optional().describe('How `drift` and `apply` reach this environment through Terra\'s admin API.'),
  })
  .meta({ id: 'TerraAccount', title: 'Terra account' });

export const Owner = z
  .strictObject({
    team: z.string().min(1).describe('Owning team, used in the AWS owner tag.'),
    email: Email.optional().describe('Contact address for auditors.'),
  })
  .meta({ id: 'Owner', title: 'Owner' });

export const AwsSettings = z
  .strictObject({
    region: AwsRegion.optional().describe('AWS region; defaults to the stack\'s aws:region.'),
    secretNamePrefix: z
      .string()
      .regex(/^[A-Za-z0-9/_+=.@-]{1,200}$/, 'expected a Secrets Manager name prefix such as acme/terra')
      .describe('Prefix of every Secrets Manager secret name: <prefix>/<environment>/<purpose>.'),
    kmsKeyId: KmsKeyRef.optional().describe('Existing KMS key to encrypt the secrets; omitted creates one per environment.'),
    consumerRoleArn: IamRoleArn.optional().describe('IAM role granted read access to exactly these secrets.'),
    recoveryWindowInDays: z
      .int()
      .min(7)
      .max(30)
      .optional()
      .describe('Days a deleted secret can be restored; defaults to 30 in production, 7 elsewhere.'),
  })
  .meta({ id: 'AwsSettings', title: 'AWS placement' });

export const Limits = z
  .strictObject({
    plannedUsers: z.int().min(0).describe('Users this environment is planned to connect; testing and staging allow 50.'),
  })
  .meta({ id: 'Limits', title: 'Limits' });

/** One Terra environment (one dev-id), as declared in config/<name>.yaml. */
export const Environment = z
  .strictObject({
    tier: Tier.optional(),
    description: z.string().optional().describe('What this environment is for.'),
    owners: z.array(Owner).min(1).describe('Who owns this environment.'),
    terra: TerraAccount,
    webhook: Webhook.optional(),
    destinations: z.array(ExtraDestination).optional().describe('Extra destinations terra-iac creates in AWS for Terra (S3, SQS).'),
    providers: Providers,
    data: DataConfig.optional().describe('Data types, fields and processing format Terra applies to this environment; left out, they are not managed.'),
    widget: WidgetBranding.optional().describe('The connect widget\'s branding; left out, it is not managed.'),
    aws: AwsSettings,
    limits: Limits.optional(),
    links: z.array(HttpUrl).optional().describe('Runbooks, dashboards and other pages for reviewers.'),
  })
  .meta({
    id: 'TerraEnvironment',
    title: 'terra-iac environment',
    description: 'One Terra environment (dev-id) managed by terra-iac: config/<name>.yaml.',
  })
  .register(EDITOR, { allOf: environmentChecks() });

export type Environment = z.infer<typeof Environment>;
export type TerraAccount = z.infer<typeof TerraAccount>;
export type TerraAdmin = z.infer<typeof TerraAdmin>;
export type AwsSettings = z.infer<typeof AwsSettings>;
