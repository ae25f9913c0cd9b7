import * as validators from '../generated/validators';
import { SCHEMA_KINDS, type FileKind, type SchemaFileName } from '../model/schema-kinds';
import type { Finding } from '../core/finding';
import type { SchemaNode } from './json-schema-walk';
import { explainSchemaErrors } from './schema-explain';


/**
 * The JSON Schemas the validators were compiled from (the CLI profile in src/generated/, not the editor
 * profile in schemas/), read only when a file is invalid and needs explaining.
 */
export function loadSchema(file: SchemaFileName): SchemaNode {
  switch (file) {
    case 'environment.schema.json':
      return require('../generated/environment.schema.json');
    case 'pulumi-stack.schema.json':
      return require('../generated/pulumi-stack.schema.json');
    case 'pulumi-project.schema.json':
      return require('../generated/pulumi-project.schema.json');
  }
}

/** Checks a document against its schema: a fast pre-compiled ajv pass, and explanations only on failure. */
export function checkSchema(kind: FileKind, data: unknown): Finding[] {
  const { file: schema, validatorExport } = SCHEMA_KINDS[kind];
  const validate = validators[validatorExport];
  if (validate(data)) return [];
  const findings = explainSchemaErrors(loadSchema(schema), data);
  if (findings.length > 0) return findings;
  // The explainer and ajv disagree: never pass a file ajv rejects, report ajv's own words instead, every
  // one of them (once per place and message), so the file still gets all the problems the stage sees.
  const seen = new Set<string>();
  const fallback: Finding[] = [];
  for (const error of validate.errors ?? []) {
    const message = `schema check failed: ${error.message ?? error.keyword}`;
    const key = `${error.instancePath} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fallback.push({ ruleId: 'schema-value', severity: 'error', message, path: pointerToPath(error.instancePath) });
  }
  return fallback;
}

function pointerToPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
