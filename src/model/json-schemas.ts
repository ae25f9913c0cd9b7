import { z } from 'zod';
import { Environment } from './environment';
import { ProjectFile } from './project-file';
import { SCHEMA_KINDS, type FileKind, type SchemaFileName } from './schema-kinds';
import { StackFile } from './stack-file';

/** The zod schema of each kind: the source of truth of the JSON Schema committed under schemas/. */
export const ZOD_SCHEMAS: Record<FileKind, z.ZodType> = {
  environment: Environment,
  stack: StackFile,
  project: ProjectFile,
};

const BASE_ID = 'https://terra-iac.dev/schemas/';

/** JSON Schema (draft 2020-12) for one of the model's files, as ajv and editors read it. */
export function generateJsonSchema(kind: FileKind): Record<string, unknown> {
  const schema = z.toJSONSchema(ZOD_SCHEMAS[kind], { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return { $id: `${BASE_ID}${SCHEMA_KINDS[kind].file satisfies SchemaFileName}`, ...schema };
}

/** Serialised exactly as committed, so a byte comparison proves the files are fresh. */
export function renderJsonSchema(kind: FileKind): string {
  return `${JSON.stringify(generateJsonSchema(kind), null, 2)}\n`;
}
