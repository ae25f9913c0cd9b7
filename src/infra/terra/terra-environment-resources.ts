import * as pulumi from '@pulumi/pulumi';
import type { Tier } from '../../catalog/environment-limits';
import { VERSION } from '../../core/version';
import type { Environment } from '../../model/environment';
import { collectSecretRefs } from '../../model/secret-refs';
import type { SecretRef } from '../../model/secret-ref';
import { desiredTerraState } from '../../terra/admin/desired';
import { terraDataResources } from './terra-data-resources';
import { TerraSource, TerraSourceCredentials, TerraSourceScopes, TerraUndeclaredSources, TerraWebhookDestination, type TerraCommonArgs } from './terra-resources';

/** Bumped when the provider's behaviour changes, so existing resources pick up the new code (pulumi/pulumi#16826). */
const PROVIDER_SCHEMA_VERSION = 1;

export interface TerraAdminArgs {
  environment: string;
  model: Environment;
  tier?: Tier;
  /** Already resolved (`resolveAdminBaseUrl`). */
  adminBaseUrl: string;
  /** The value of every secret reference, by purpose. */
  secretValues: Readonly<Record<string, pulumi.Input<string>>>;
}

/**
 * The environment's objects in Terra, applied through the admin API inside `pulumi up` (stack config
 * `terra-iac:applyToTerra`): sources, their dedicated keys and scopes, the webhook destination, the
 * undeclared-sources guard, and the data types, fields, processing and widget config/ manages, all on the
 * one Terra provider.
 */
export class TerraAdmin extends pulumi.ComponentResource {
  readonly resources: pulumi.CustomResource[] = [];
  readonly webhook?: TerraWebhookDestination;
  /** The signing secret to store: the one Terra returned when it created the destination, else the declared one. */
  readonly signingSecret?: pulumi.Output<string>;

  constructor(name: string, args: TerraAdminArgs, opts?: pulumi.ComponentResourceOptions) {
    super('terra-iac:environment:TerraAdmin', name, {}, opts);
    const { environment, model } = args;
    const desired = desiredTerraState(environment, model);
    const common: TerraCommonArgs = { environment, devId: desired.devId, adminBaseUrl: args.adminBaseUrl, providerVersion: `${VERSION}+${PROVIDER_SCHEMA_VERSION}` };
    const parent = this;
    const valueOf = secretValueLookup(model, args.secretValues);
    const code = (provider: string) => provider.toLowerCase();

    const before = new Map<string, pulumi.Resource[]>();
    const add = <R extends pulumi.CustomResource>(resource: R, provider?: string): R => {
      this.resources.push(resource);
      if (provider) before.set(provider, [...(before.get(provider) ?? []), resource]);
      return resource;
    };
    for (const c of desired.credentials) {
      const credentials = new TerraSourceCredentials(
        `${environment}-credentials-${code(c.provider)}`,
        {
          ...common,
          provider: c.provider,
          adminCode: c.adminCode,
          clientId: c.clientId,
          clientSecret: valueOf(c.clientSecret),
          ...(c.verificationSecret ? { verificationSecret: valueOf(c.verificationSecret) } : {}),
          ...(c.redirectUrl !== undefined ? { redirectUrl: c.redirectUrl } : {}),
          ...(c.sandbox !== undefined ? { sandbox: c.sandbox } : {}),
          ...(c.secretVersion !== undefined ? { secretVersion: c.secretVersion } : {}),
        },
        // No admin API removes credentials: keep them in Terra, so the preview says so.
        { parent, retainOnDelete: true },
      );
      add(credentials, c.provider);
    }
    for (const s of desired.scopes) {
      add(new TerraSourceScopes(`${environment}-scopes-${code(s.provider)}`, { ...common, provider: s.provider, adminCode: s.adminCode, scopes: s.scopes }, { parent }), s.provider);
    }
    for (const s of desired.sources) {
      // Credentials and scopes go in before the source is enabled (a provider without its keys fails its redirects).
      const dependsOn = before.get(s.provider) ?? [];
      add(new TerraSource(`${environment}-source-${code(s.provider)}`, { ...common, provider: s.provider, adminCode: s.adminCode, enabled: s.enabled }, { parent, dependsOn }));
    }
    add(new TerraUndeclaredSources(`${environment}-undeclared-sources`, { ...common, declared: [...desired.declared], policy: desired.undeclaredProviders }, { parent }));
    if (desired.webhook) {
      const w = desired.webhook;
      this.webhook = add(
        new TerraWebhookDestination(
          `${environment}-webhook`,
          {
            ...common,
            url: w.url,
            active: w.active,
            ...(w.eventTypes ? { eventTypes: [...w.eventTypes] } : {}),
            ...(w.signingSecretVersion !== undefined ? { signingSecretVersion: w.signingSecretVersion } : {}),
          },
          // Replacing production's destination rotates its signing secret under live traffic: refuse it.
          { parent, protect: args.tier === 'production' },
        ),
      );
      const declared = pulumi.output(valueOf(w.signingSecret));
      this.signingSecret = pulumi.secret(pulumi.all([this.webhook.signingSecret, declared]).apply(([created, kept]) => created ?? kept));
    }
    for (const resource of terraDataResources(environment, desired, common, parent)) add(resource);
    this.registerOutputs({});
  }
}

/** The value behind a reference of this model (references are found by identity, as collectSecretRefs returns them). */
function secretValueLookup(model: Environment, values: Readonly<Record<string, pulumi.Input<string>>>): (ref: SecretRef) => pulumi.Input<string> {
  const refs = collectSecretRefs(model);
  return (ref) => {
    const purpose = refs.find((found) => found.ref === ref)?.purpose;
    const value = purpose === undefined ? undefined : values[purpose];
    if (value === undefined) throw new Error(`no value given for the secret ${purpose ?? JSON.stringify(ref)}`);
    return value;
  };
}
