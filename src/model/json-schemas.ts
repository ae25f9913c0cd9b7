import { z } from 'zod';
import { EDITOR } from './editor-annotations';
import { Environment } from './environment';
import { ProjectFile } from './project-file';
import { SCHEMA_KINDS, type FileKind, type SchemaFileName } from './schema-kinds';
import { StackFile } from './stack-file';

/** The zod schema of each kind: the source of truth of the JSON Schemas in schemas/ and src/generated/. */
export const ZOD_SCHEMAS: Record<FileKind, z.ZodType> = {
  environment: Environment,
  stack: StackFile,
  project: ProjectFile,
};

/**
 * Who reads a generated schema. `cli`: the schema stage of `validate` (src/generated/, compiled to ajv), exactly
 * the zod model, so each check the rules make is reported once, by the rule. `editor`: the published
 * schemas/*.json the `$schema` lines point at, the model plus the EDITOR annotations (the rules' checks that
 * JSON Schema can express, and names for completion and hover).
 */
export type SchemaProfile = 'cli' | 'editor';

const BASE_ID = 'https://terra-iac.dev/schemas/';

/** JSON Schema (draft 2020-12) for one of the model's files, as ajv (`cli`) or editors (`editor`) read it. */
export function generateJsonSchema(kind: FileKind, profile: SchemaProfile): Record<string, unknown> {
  const schema = z.toJSONSchema(ZOD_SCHEMAS[kind], {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: profile === 'editor' ? ({ zodSchema, jsonSchema }) => Object.assign(jsonSchema, structuredClone(EDITOR.get(zodSchema))) : undefined,
  });
  return { $id: `${BASE_ID}${SCHEMA_KINDS[kind].file satisfies SchemaFileName}`, ...schema };
}

/** Serialised exactly as committed, so a byte comparison proves the files are fresh. */
export function renderJsonSchema(kind: FileKind, profile: SchemaProfile): string {
  return `${JSON.stringify(generateJsonSchema(kind, profile), null, 2)}\n`;
}
