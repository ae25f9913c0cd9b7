import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as validators from '../../src/generated/validators';
import { parseYaml } from '../../src/load/parse-yaml';
import { Environment } from '../../src/model/environment';
import { ProjectFile } from '../../src/model/project-file';
import { StackFile } from '../../src/model/stack-file';
import type { SchemaNode } from '../../src/validate/json-schema-walk';
import { explainSchemaErrors } from '../../src/validate/schema-explain';
import { edgeValue, mutatedData } from './data-mutations';
import { shippedFiles } from './shipped-files';

/**
 * The committed JSON Schema must judge exactly as the zod model (the source of truth) does, and the
 * explainer must find something exactly when ajv says "invalid". If any of the three disagree, a file
 * could pass the PR check and fail in the Pulumi program, or fail with no explanation.
 */
const SHIPPED = shippedFiles();
const data = (path: string) => parseYaml(SHIPPED[path]!).data;

interface Judge {
  name: string;
  validate: validators.GeneratedValidator;
  schema: SchemaNode;
  model: z.ZodType;
  bases: unknown[];
}

const JUDGES: Judge[] = [
  {
    name: 'environment',
    validate: validators.environment,
    schema: require('../../src/generated/environment.schema.json'),
    model: Environment,
    bases: Object.keys(SHIPPED).filter((p) => p.startsWith('config/')).map(data),
  },
  {
    name: 'stack file',
    validate: validators.stackFile,
    schema: require('../../src/generated/pulumi-stack.schema.json'),
    model: StackFile,
    bases: Object.keys(SHIPPED).filter((p) => /^Pulumi\..+\.yaml$/.test(p)).map(data),
  },
  {
    name: 'project file',
    validate: validators.projectFile,
    schema: require('../../src/generated/pulumi-project.schema.json'),
    model: ProjectFile,
    bases: [data('Pulumi.yaml')],
  },
];

function verdicts(judge: Judge, value: unknown) {
  const ajv = judge.validate(value);
  const explained = explainSchemaErrors(judge.schema, value);
  const zod = judge.model.safeParse(value).success;
  return { ajv, zod, explainer: explained.length === 0, explained: explained.map((f) => `${f.ruleId} ${f.message}`) };
}

function agree(judge: Judge, value: unknown): void {
  const v = verdicts(judge, value);
  if (v.ajv !== v.zod || v.ajv !== v.explainer) {
    throw new Error(`${judge.name}: ajv ${v.ajv ? 'valid' : 'invalid'}, zod ${v.zod ? 'valid' : 'invalid'}, explainer ${v.explainer ? 'valid' : `invalid: ${v.explained.join('; ')}`}`);
  }
}

const RUNS: Record<string, number> = { environment: 4_000, 'stack file': 1_500, 'project file': 1_000 };

describe('ajv (generated), the schema explainer and zod agree on valid/invalid', () => {
  for (const judge of JUDGES) {
    it(`${judge.name}: the shipped documents are valid to all three`, () => {
      expect(judge.bases.length).toBeGreaterThan(0);
      for (const base of judge.bases) expect(verdicts(judge, base)).toMatchObject({ ajv: true, zod: true, explainer: true });
    });

    it(`${judge.name}: ${RUNS[judge.name]} mutated and generated documents`, () => {
      const documents = fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...judge.bases).chain((base) => mutatedData(base)) },
        { weight: 1, arbitrary: edgeValue },
        { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), edgeValue, { maxKeys: 4 }) },
      );
      let invalid = 0;
      fc.assert(
        fc.property(documents, (value) => {
          agree(judge, value);
          if (!judge.validate(value)) invalid++;
        }),
        { numRuns: RUNS[judge.name] },
      );
      // Both answers must be exercised, or agreement proves nothing.
      expect(invalid).toBeGreaterThan(RUNS[judge.name]! / 10);
      expect(invalid).toBeLessThan(RUNS[judge.name]!);
    }, 60_000);
  }
});
