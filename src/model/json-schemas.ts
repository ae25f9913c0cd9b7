import { z } from 'zod';
import { Environment } from './environment';
import { ProjectFile } from './project-file';
import { StackFile } from './stack-file';

/** The JSON Schemas committed under schemas/, generated from the zod model (the source of truth). */
export const SCHEMA_FILES = {
  'environment.schema.json': Environment,
  'pulumi-stack.schema.json': StackFile,
  'pulumi-project.schema.json': ProjectFile,
} as const;

export type SchemaFileName = keyof typeof SCHEMA_FILES;

const BASE_ID = 'https://terra-iac.dev/schemas/';

/** JSON Schema (draft 2020-12) for one of the model's files, as ajv and editors read it. */
export function generateJsonSchema(file: SchemaFileName): Record<string, unknown> {
  const schema = z.toJSONSchema(SCHEMA_FILES[file], { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return { $id: `${BASE_ID}${file}`, ...schema };
}

/** Serialised exactly as committed, so a byte comparison proves the files are fresh. */
export function renderJsonSchema(file: SchemaFileName): string {
  return `${JSON.stringify(generateJsonSchema(file), null, 2)}\n`;
}
