import type { SchemaFileName } from '../model/json-schemas';

/** Export names of the generated validators, one per committed schema. */
export const VALIDATOR_EXPORTS: Record<SchemaFileName, string> = {
  'environment.schema.json': 'environment',
  'pulumi-stack.schema.json': 'stackFile',
  'pulumi-project.schema.json': 'projectFile',
};
