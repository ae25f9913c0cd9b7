import type { SecretRef } from './secret-ref';
import type { DocPath, PathSegment } from '../core/diagnostic';

export const PROJECT_NAMESPACE = 'terra-iac';

/** A secret reference found in an environment, with where it is and what it is for. */
export interface FoundSecretRef {
  ref: SecretRef;
  /** Path of the reference object in the environment file. */
  path: DocPath;
  /** What the secret is, for names and tags: `terra-api-key`, `strava-client-secret`, ... */
  purpose: string;
  /** Provider code when the secret belongs to a provider's dedicated keys. */
  provider?: string;
}

/** `terraApiKey` and `terra-iac:terraApiKey` name the same stack config key. */
export function fullStackKey(name: string): string {
  return name.includes(':') ? name : `${PROJECT_NAMESPACE}:${name}`;
}

export function isSecretRef(value: unknown): value is SecretRef {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return isSecretRefKeys(Object.keys(value));
}

/** The own keys of a reference object: exactly one, `fromStackConfig` or `fromEnv`. */
function isSecretRefKeys(keys: readonly string[]): boolean {
  return keys.length === 1 && (keys[0] === 'fromStackConfig' || keys[0] === 'fromEnv');
}

function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** What the secret at a path is for: `terra-api-key`, `webhook-signing-secret`, `strava-client-secret`, ... */
export function secretPurpose(path: DocPath): string {
  const field = kebab(String(path[path.length - 1]));
  if (path[0] === 'providers') return `${String(path[1]).toLowerCase()}-${field}`;
  return path[0] === 'terra' ? `terra-${field}` : `${kebab(String(path[0]))}-${field}`;
}

/**
 * The exact fix for a plain value written where a secret reference belongs: a stack config key named after
 * the secret's purpose (`terraApiKey`), the command that stores it, and the reference to write instead.
 */
export function plaintextSecretHint(environment: string, path: DocPath): string {
  const key = secretPurpose(path).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return (
    `store the value with \`pulumi config set --secret ${key} --stack ${environment}\` (it prompts for it) and write ` +
    `\`${String(path[path.length - 1])}: { fromStackConfig: ${key} }\` (or \`{ fromEnv: <VAR> }\`); treat the exposed value as leaked and rotate it`
  );
}

/**
 * Every secret reference in a (schema-valid) environment, in document order. Walks the data rather than
 * listing fields, so a new secret field in the model is found without touching this function. One mutable
 * path is shared by the walk and copied only for a reference: environments have hundreds of values each.
 */
export function collectSecretRefs(environment: unknown): readonly FoundSecretRef[] {
  const cacheable = environment !== null && typeof environment === 'object';
  const cached = cacheable ? refsByEnvironment.get(environment) : undefined;
  if (cached) return cached;
  const found: FoundSecretRef[] = [];
  const path: PathSegment[] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
      return;
    }
    const keys = Object.keys(value);
    if (isSecretRefKeys(keys)) {
      const at = path.slice();
      found.push({ ref: value as SecretRef, path: at, purpose: secretPurpose(at), provider: at[0] === 'providers' ? String(at[1]) : undefined });
      return;
    }
    for (const key of keys) {
      path.push(key);
      visit((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(environment);
  if (cacheable) refsByEnvironment.set(environment, found);
  return found;
}

/** Several rules, the Pulumi program and the audit ask for the same environment's references. */
const refsByEnvironment = new WeakMap<object, readonly FoundSecretRef[]>();
