import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { collectSecretRefs, fullStackKey } from '../../src/model/secret-refs';
import type { ProjectFile } from '../../src/model/project-file';
import { ProjectStackKeys, type StackFile } from '../../src/model/stack-file';
import { loadProject } from '../../src/project';
import { pulumiStackConfigErrors, type Declarations } from './support/pulumi-stack-check';
import { REPO } from './support/shipped';

const SHIPPED = ['testing', 'staging', 'production'] as const;
const read = <T>(file: string) => parse(readFileSync(join(REPO, file), 'utf8')) as T;
const project = read<ProjectFile>('Pulumi.yaml');
const declared = project.config as Declarations;

describe('Pulumi.yaml', () => {
  it('is the terra-iac project: Node.js with TypeScript, main src/index.ts', () => {
    expect(project.name).toBe('terra-iac');
    expect(project.runtime).toMatchObject({ name: 'nodejs', options: { typescript: true } });
    expect(project.main).toBe('src/index.ts');
  });

  it('declares every key with a type and a description', () => {
    for (const [key, declaration] of Object.entries(declared)) {
      expect(declaration.type, key).toMatch(/^(string|integer|boolean)$/);
      expect(declaration.description?.length, key).toBeGreaterThan(10);
    }
  });

  it('declares its non-secret keys as the stack-file model knows them, with defaults the model accepts', () => {
    for (const [key, declaration] of Object.entries(declared).filter(([, d]) => !d.secret)) {
      const modelled = ProjectStackKeys[`terra-iac:${key}` as keyof typeof ProjectStackKeys];
      expect(modelled, `ProjectStackKeys has terra-iac:${key}`).toBeDefined();
      expect(declaration.default, `${key} has a default, so no stack must set it`).toBeDefined();
      expect(modelled.safeParse(declaration.default).success, key).toBe(true);
    }
  });

  it('declares secret only keys every shipped environment reads from its stack', () => {
    const secret = Object.entries(declared).filter(([, d]) => d.secret);
    expect(secret.map(([key]) => key)).toEqual(['terraApiKey']);
    for (const env of SHIPPED) {
      const model = loadProject({ root: REPO, envs: [env], rules: [] }).environments[0]!.model;
      const keys = collectSecretRefs(model).flatMap((f) => ('fromStackConfig' in f.ref ? [fullStackKey(f.ref.fromStackConfig)] : []));
      for (const [key] of secret) expect(keys, env).toContain(`terra-iac:${key}`);
    }
  });
});

describe("the shipped stack files against Pulumi.yaml, by Pulumi's own rules (validateStackConfigValues)", () => {
  it.each(SHIPPED)('Pulumi.%s.yaml passes', (env) => {
    expect(pulumiStackConfigErrors(env, 'terra-iac', declared, read<StackFile>(`Pulumi.${env}.yaml`).config ?? {})).toEqual([]);
  });

  it('the check itself catches a plain secret, a wrong type and a missing key', () => {
    const config = { 'terra-iac:terraApiKey': 'plain', 'terra-iac:smokeTest': 'maybe' };
    expect(pulumiStackConfigErrors('x', 'terra-iac', declared, config)).toEqual([
      "Stack 'x' with configuration key 'smokeTest' must be of type 'boolean'",
      "Stack 'x' with configuration key 'terraApiKey' must be encrypted as it's secret",
    ]);
    expect(pulumiStackConfigErrors('x', 'terra-iac', declared, {})).toEqual(["Stack 'x' is missing configuration value 'terraApiKey'"]);
  });
});
