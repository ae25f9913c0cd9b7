import * as pulumi from '@pulumi/pulumi';
import type { UndeclaredProviders } from '../../terra/admin/desired';
import { terraProvider } from './terra-provider';

/** Inputs every Terra resource takes. No admin token: the provider reads TERRA_ADMIN_TOKEN when it calls Terra. */
export interface TerraCommonArgs {
  environment: string;
  devId: string;
  adminBaseUrl: string;
  providerVersion: string;
}

interface ProviderArgs extends TerraCommonArgs {
  /** As config/ spells it: `GARMIN`. */
  provider: string;
  /** The admin API's path code: `garmin`. */
  adminCode: string;
}

export interface TerraSourceArgs extends ProviderArgs {
  enabled: boolean;
}

export interface TerraSourceCredentialsArgs extends ProviderArgs {
  clientId: string;
  /** Wrapped in `pulumi.secret` here in case the caller did not. */
  clientSecret: pulumi.Input<string>;
  redirectUrl?: string;
  verificationSecret?: pulumi.Input<string>;
  sandbox?: boolean;
  secretVersion?: number;
}

export interface TerraSourceScopesArgs extends ProviderArgs {
  scopes: readonly string[];
}

export interface TerraWebhookDestinationArgs extends TerraCommonArgs {
  url: string;
  active: boolean;
  eventTypes?: readonly string[];
  signingSecretVersion?: number;
}

export interface TerraUndeclaredSourcesArgs extends TerraCommonArgs {
  declared: readonly string[];
  policy: UndeclaredProviders;
}

const TOKEN_NAMESPACE = 'terra-iac';

/** One provider on or off in Terra (`enableSource` / `disableSource`). */
export class TerraSource extends pulumi.dynamic.Resource {
  /** Whether Terra has it on, as last seen. */
  declare readonly enabled: pulumi.Output<boolean>;

  constructor(name: string, args: TerraSourceArgs, opts?: pulumi.CustomResourceOptions) {
    super(terraProvider, name, { kind: 'source', ...args, authRedirectUrl: undefined, notices: undefined }, opts, TOKEN_NAMESPACE, 'TerraSource');
  }
}

/** A provider's dedicated keys in Terra (`setSourceCredentials`). The state holds salted hashes, never the secret. */
export class TerraSourceCredentials extends pulumi.dynamic.Resource {
  declare readonly hasCredentials: pulumi.Output<boolean>;
  declare readonly clientSecretHash: pulumi.Output<string>;

  constructor(name: string, args: TerraSourceCredentialsArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      kind: 'credentials',
      ...args,
      clientSecret: pulumi.secret(args.clientSecret),
      verificationSecret: args.verificationSecret === undefined ? undefined : pulumi.secret(args.verificationSecret),
      hasCredentials: undefined,
      terraOwned: undefined,
      clientSecretMasked: undefined,
      hashSalt: undefined,
      clientSecretHash: undefined,
      verificationSecretHash: undefined,
      drift: undefined,
      writtenAt: undefined,
    };
    const secretOutputs = ['clientSecretMasked', 'hashSalt', 'clientSecretHash', 'verificationSecretHash'];
    super(terraProvider, name, props, { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretOutputs] }, TOKEN_NAMESPACE, 'TerraSourceCredentials');
  }
}

/** A source's custom OAuth scopes (`setSourceScopes`). */
export class TerraSourceScopes extends pulumi.dynamic.Resource {
  declare readonly scopes: pulumi.Output<string[]>;

  constructor(name: string, args: TerraSourceScopesArgs, opts?: pulumi.CustomResourceOptions) {
    super(terraProvider, name, { kind: 'scopes', ...args }, opts, TOKEN_NAMESPACE, 'TerraSourceScopes');
  }
}

/** The environment's webhook destination. `signingSecret` is Terra's answer to its creation (null when adopted). */
export class TerraWebhookDestination extends pulumi.dynamic.Resource {
  declare readonly destinationId: pulumi.Output<string>;
  declare readonly signingSecret: pulumi.Output<string | null>;
  declare readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: TerraWebhookDestinationArgs, opts?: pulumi.CustomResourceOptions) {
    const props = { kind: 'webhook', ...args, destinationId: undefined, signingSecret: undefined, adopted: undefined };
    super(terraProvider, name, props, { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), 'signingSecret'] }, TOKEN_NAMESPACE, 'TerraWebhookDestination');
  }
}

/** The exclusive-providers guard: sources Terra has on that config/ does not declare are turned off. */
export class TerraUndeclaredSources extends pulumi.dynamic.Resource {
  declare readonly disabled: pulumi.Output<string[]>;

  constructor(name: string, args: TerraUndeclaredSourcesArgs, opts?: pulumi.CustomResourceOptions) {
    super(terraProvider, name, { kind: 'undeclared', ...args, enabledUndeclared: undefined, disabled: undefined }, opts, TOKEN_NAMESPACE, 'TerraUndeclaredSources');
  }
}
