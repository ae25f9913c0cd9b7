import type { CredentialPolicy } from '../catalog/providers';
import type { Tier } from '../catalog/environment-limits';
import type { DataType } from '../catalog/webhook-event-types';
import type { Severity } from '../core/diagnostic';

/**
 * Version of the audit report's JSON shape. Adding a field keeps the version; renaming, removing or
 * changing the meaning of one bumps it (docs/reports.md documents every field).
 */
export const AUDIT_REPORT_VERSION = 1;

/** Everything `terra-iac audit` reports; every format renders this one value. */
export interface AuditReport {
  reportVersion: typeof AUDIT_REPORT_VERSION;
  tool: { name: 'terra-iac'; version: string };
  provenance: Provenance;
  /** One entry per config/<name>.yaml, in file name order. */
  environments: EnvironmentAudit[];
  /** The matrix: one row per provider declared in at least one environment, cells in `environments` order. */
  providers: ProviderRow[];
  /** The validation findings at the time of the report (the same ones `terra-iac validate` prints). */
  findings: AuditFinding[];
  summary: { environments: number; providers: number; errors: number; warnings: number; infos: number };
}

/** What the report was made from. */
export interface Provenance {
  /** ISO 8601; from SOURCE_DATE_EPOCH when set, so reports can be reproduced byte for byte. */
  generatedAt: string;
  git: GitProvenance;
  /** Every file the report read, with a SHA-256 of its bytes (null when it could not be read). */
  files: { path: string; sha256: string | null; bytes: number | null }[];
}

/** The commit the files came from, or why there is none. */
export interface GitProvenance {
  /** `git rev-parse HEAD`; null outside a repository or before the first commit. */
  commit: string | null;
  /** Why `commit` is null: "not a git repository", "no commits yet", "git is not installed". */
  note?: string;
  /** Files of this report whose content differs from `commit` (uncommitted edits or untracked files). */
  uncommitted: string[];
}

/** Whose OAuth keys a provider runs on in one environment. */
export type KeyOwnership =
  /** Terra's own keys (the default). */
  | 'terra-managed'
  /** The customer's own ("bring your own") keys, declared under dedicatedKeys. */
  | 'dedicated'
  /** No keys exist for this provider (mobile SDK sources and a few web ones). */
  | 'not-applicable'
  /** Terra requires dedicated keys for this provider and none are declared. */
  | 'required-missing';

/** Whether a provider is on in one environment. `unknown`: the environment file did not pass its schema. */
export type ProviderStatus = 'enabled' | 'disabled' | 'not-declared' | 'unknown';

/** One provider in one environment: a cell of the matrix. */
export interface ProviderCell {
  environment: string;
  status: ProviderStatus;
  /** Null when the provider is not declared (or the environment is unknown). */
  keys: KeyOwnership | null;
  /** The dedicated keys' public identifier: the OAuth client id, or the Virtuagym portal name. Never a secret. */
  clientId?: { label: 'client id' | 'portal name'; value: string };
  /** Google OAuth scopes requested by dedicated keys, in full form. */
  scopes?: string[];
  /** Google OAuth app verification status of dedicated keys. */
  appVerification?: string;
  /** FreeStyle Libre countries, each saying whether Terra needs a registered practice id there. */
  regions?: { country: string; practiceIdRequired: boolean }[];
  /** FreeStyle Libre practice id given to Terra (an identifier, not a credential). */
  practiceId?: string;
  /** Samsung route and partnership. */
  route?: string;
  partnershipApproved?: boolean;
  /** The `notes` the environment file gives for this provider. */
  notes?: string;
}

/** A row of the matrix: catalog facts about the provider plus one cell per environment. */
export interface ProviderRow {
  code: string;
  name: string;
  /** False for codes the catalog does not know (the `provider-unknown` rule reports them). */
  known: boolean;
  surface: 'web' | 'mobile-sdk' | 'unknown';
  /** True when the provider is reachable only through Terra's mobile SDK. */
  mobileSdkOnly: boolean;
  credentialPolicy: CredentialPolicy;
  /** False when the code itself only appears in older or third-party material. */
  confirmed: boolean;
  deprecated?: string;
  /** Data types from src/catalog: general knowledge, not a Terra table, hence `confirmed: false`. */
  dataTypes: { values: DataType[]; source: 'catalog'; confirmed: false } | null;
  cells: ProviderCell[];
}

/** The maximum number of connected users of an environment's tier. */
export type UserLimit = number | 'unlimited' | 'unknown';

/** Where one secret lives in AWS and where Pulumi reads its value from; names only. */
export interface SecretLocation {
  /** Secrets Manager name: `<secretNamePrefix>/<environment>/<purpose>`. */
  name: string;
  purpose: string;
  provider?: string;
  /** Where the value comes from: a stack config key, an environment variable, or an access key terra-iac creates for a destination. */
  source:
    | { kind: 'stack-config'; key: string }
    | { kind: 'environment-variable'; variable: string }
    | { kind: 'destination-credentials'; destination: string };
}

/** Per-environment facts. Fields are null when the environment file did not pass its schema. */
export interface EnvironmentAudit {
  name: string;
  file: string;
  /** The file passed its schema; when false only name, file, tier and findings are known. */
  valid: boolean;
  tier: Tier | null;
  description: string | null;
  devId: string | null;
  api: { baseUrl: string; host: string; isDefault: boolean } | null;
  /** Webhook URL without credentials, query or fragment; `eventTypes` null means every type. */
  webhook: { url: string; host: string; eventTypes: string[] | null } | null;
  destinations: { type: 's3' | 'sqs'; name: string; region: string | null; eventTypes: string[] | null }[];
  /** What config/ manages of Terra's data configuration; null members (and null) are not managed. */
  data: DataAudit | null;
  /** The widget branding config/ manages; null when it manages none. */
  widget: { name: string | null; logoUrl: string | null } | null;
  secrets: SecretLocation[];
  aws: { region: string | null; secretNamePrefix: string; kmsKey: string | null; consumerRoleArn: string | null; recoveryWindowInDays: number } | null;
  owners: { team: string; email: string | null }[];
  users: { limit: UserLimit; planned: number | null; source: string };
  links: string[];
  findings: { errors: number; warnings: number; infos: number };
}

/** `data:` as the report shows it: types upper case and sorted (ATHLETE is always selected besides). */
export interface DataAudit {
  types: string[] | null;
  samples: boolean | null;
  /** Per lower-case data type, sorted. */
  fields: { dataType: string; fields: string[] }[];
  processing: string | null;
}

/** A validation finding as the report shows it. */
export interface AuditFinding {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
  /** The environment the file belongs to (config/<env>.yaml or Pulumi.<env>.yaml). */
  environment?: string;
}
