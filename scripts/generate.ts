import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_FILES, renderJsonSchema, type SchemaFileName } from '../src/model/json-schemas';
import { compileValidators } from '../src/validate/compile-validators';
import { VALIDATOR_EXPORTS } from '../src/validate/validator-exports';

/** Regenerates schemas/*.json from the zod model and src/generated/validators.js from those schemas. */
const root = process.cwd();
const schemas: Record<string, Record<string, unknown>> = {};
for (const file of Object.keys(SCHEMA_FILES) as SchemaFileName[]) {
  const text = renderJsonSchema(file);
  writeFileSync(join(root, 'schemas', file), text);
  schemas[VALIDATOR_EXPORTS[file]] = JSON.parse(text);
}
writeFileSync(join(root, 'src/generated/validators.js'), compileValidators(schemas));
console.log(`wrote ${Object.keys(schemas).length} schemas and src/generated/validators.js`);
