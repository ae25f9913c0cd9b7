import * as pulumi from '@pulumi/pulumi';
import { collectSecretRefs, fullStackKey, PROJECT_NAMESPACE } from '../model/secret-refs';
import type { Environment } from '../model/environment';
import type { EnvironmentEntry } from '../validate/project-view';
import type { Diagnostic } from '../core/diagnostic';
import { toDiagnostic } from '../validate/load-project';
import { PLACEHOLDER_SECRET } from './secret-placeholder';

/** What to do when a referenced secret has no value: fail (pulumi up), or stand in a placeholder (plan). */
export type MissingSecrets = 'fail' | 'placeholder';


export interface SecretSources {
  /** Config of this project's namespace (`terra-iac:`), as the program sees it. */
  config: pulumi.Config;
  /** Environment variables, read when the program runs. */
  env: Readonly<Record<string, string | undefined>>;
  /** Stack name, for the fix hint. */
  stack: string;
  missing: MissingSecrets;
}

export interface ResolvedSecrets {
  /** Each reference's value as a Pulumi secret, keyed by purpose. */
  values: Record<string, pulumi.Output<string>>;
  /** One located error per reference without a value (none in placeholder mode). */
  missing: Diagnostic[];
}

/** The value of every secret reference of one environment: decrypted stack config or an environment variable. */
export function resolveSecretValues(entry: EnvironmentEntry & { model: Environment }, sources: SecretSources): ResolvedSecrets {
  const values: Record<string, pulumi.Output<string>> = {};
  const missing: Diagnostic[] = [];
  for (const found of collectSecretRefs(entry.model)) {
    const { ref, path, purpose } = found;
    let value: pulumi.Output<string> | undefined;
    if ('fromStackConfig' in ref) {
      const key = fullStackKey(ref.fromStackConfig);
      const name = key.slice(PROJECT_NAMESPACE.length + 1);
      value = sources.config.getSecret(name);
      if (!value && sources.missing === 'fail') {
        missing.push(
          toDiagnostic(entry.file, {
            ruleId: 'secret-value-missing',
            severity: 'error',
            path: [...path, 'fromStackConfig'],
            message: `${purpose} is read from stack config ${key}, which stack ${sources.stack} does not set`,
            hint: `pulumi config set --secret ${name} --stack ${sources.stack}   (it prompts for the value)`,
          }),
        );
      }
    } else {
      const raw = sources.env[ref.fromEnv];
      // Read now, when the program runs, and never kept anywhere but in the secret Output.
      value = raw ? pulumi.secret(raw) : undefined;
      if (!value && sources.missing === 'fail') {
        missing.push(
          toDiagnostic(entry.file, {
            ruleId: 'secret-value-missing',
            severity: 'error',
            path: [...path, 'fromEnv'],
            message: `${purpose} is read from the environment variable ${ref.fromEnv}, which is not set or empty`,
            hint: `export ${ref.fromEnv} in the shell that runs pulumi, or keep the secret in the stack: { fromStackConfig: <key> }`,
          }),
        );
      }
    }
    values[purpose] = value ?? pulumi.secret(PLACEHOLDER_SECRET);
  }
  return { values, missing };
}
