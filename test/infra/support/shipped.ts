import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { isSecretInput } from '../../../src/infra/plan/recording-mocks';
import { runProgramUnderMocks, type MockRun } from '../../../src/infra/plan/run-program';
import { collectSecretRefs, fullStackKey } from '../../../src/model/secret-refs';
import { loadProject } from '../../../src/project';

export const REPO = join(__dirname, '..', '..', '..');

/** Secret values a test makes up, and where the program reads each from. */
export interface SuppliedSecrets {
  /** Stack config as the CLI would pass it (`terra-iac:<key>` -> value), plus aws:region. */
  config: Record<string, string>;
  secretKeys: string[];
  /** Environment variables for `fromEnv` references. */
  env: Record<string, string>;
  /** Value by purpose (`terra-api-key`). */
  byPurpose: Record<string, string>;
}

/** A unique made-up value for every secret reference of a shipped environment. */
export function supplySecrets(root: string, environment: string): SuppliedSecrets {
  const project = loadProject({ root, envs: [environment], rules: [] });
  const model = project.environments.find((e) => e.name === environment)?.model;
  if (!model) throw new Error(`config/${environment}.yaml is not schema-valid`);
  const supplied: SuppliedSecrets = { config: { 'aws:region': 'eu-west-1' }, secretKeys: [], env: {}, byPurpose: {} };
  for (const { ref, purpose } of collectSecretRefs(model)) {
    const value = `test-only-${environment}-${purpose}-${randomUUID()}`;
    supplied.byPurpose[purpose] = value;
    if ('fromEnv' in ref) supplied.env[ref.fromEnv] = value;
    else {
      supplied.config[fullStackKey(ref.fromStackConfig)] = value;
      supplied.secretKeys.push(fullStackKey(ref.fromStackConfig));
    }
  }
  return supplied;
}

/** Runs the real program for one environment under the mocks, with the supplied secrets. */
export function runWith(root: string, environment: string, supplied: SuppliedSecrets): Promise<MockRun> {
  return runProgramUnderMocks({
    root,
    stack: environment,
    env: supplied.env,
    missingSecrets: 'fail',
    warn: () => {},
    config: supplied.config,
    secretKeys: supplied.secretKeys,
  });
}

/** Every input and output with secret values replaced: what anything but the encrypted state may hold. */
export function plainView(run: MockRun): string {
  const strip = (value: unknown): unknown => {
    if (isSecretInput(value)) return '[secret]';
    if (Array.isArray(value)) return value.map(strip);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v)]));
    return value;
  };
  return JSON.stringify({ inputs: run.resources.map((r) => strip(r.inputs)), outputs: run.outputs });
}
