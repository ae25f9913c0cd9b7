import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonSchema } from '../src/model/json-schemas';
import { FILE_KINDS, SCHEMA_KINDS } from '../src/model/schema-kinds';
import { compileValidators } from '../src/validate/compile-validators';

/**
 * Regenerates, from the zod model: schemas/*.json (the editor profile, what `$schema` lines point at),
 * src/generated/*.schema.json (the CLI profile, what `validate` explains with) and src/generated/validators.js
 * (the CLI profile compiled by ajv).
 */
const root = process.cwd();
const schemas: Record<string, Record<string, unknown>> = {};
for (const kind of FILE_KINDS) {
  const { file, validatorExport } = SCHEMA_KINDS[kind];
  writeFileSync(join(root, 'schemas', file), renderJsonSchema(kind, 'editor'));
  const text = renderJsonSchema(kind, 'cli');
  writeFileSync(join(root, 'src/generated', file), text);
  schemas[validatorExport] = JSON.parse(text);
}
writeFileSync(join(root, 'src/generated/validators.js'), compileValidators(schemas));
console.log(`wrote ${FILE_KINDS.length * 2} schemas and src/generated/validators.js`);
