/** What a file is to terra-iac, from its name. */
export type FileKind = 'environment' | 'stack' | 'project';

/**
 * The three kinds of file with a schema: the committed JSON Schema's file name and the export name of its
 * pre-compiled validator. The generator, the schema stage and the freshness test all read this table; the zod
 * schema of each kind is in json-schemas.ts (kept apart so `validate` never loads zod).
 */
export const SCHEMA_KINDS = {
  environment: { file: 'environment.schema.json', validatorExport: 'environment' },
  stack: { file: 'pulumi-stack.schema.json', validatorExport: 'stackFile' },
  project: { file: 'pulumi-project.schema.json', validatorExport: 'projectFile' },
} as const satisfies Record<FileKind, { file: string; validatorExport: string }>;

export type SchemaFileName = (typeof SCHEMA_KINDS)[FileKind]['file'];

export const FILE_KINDS = Object.keys(SCHEMA_KINDS) as FileKind[];
