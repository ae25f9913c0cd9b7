import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonSchema } from '../src/model/json-schemas';
import { FILE_KINDS, SCHEMA_KINDS } from '../src/model/schema-kinds';
import { compileValidators } from '../src/validate/compile-validators';

/** Regenerates schemas/*.json from the zod model and src/generated/validators.js from those schemas. */
const root = process.cwd();
const schemas: Record<string, Record<string, unknown>> = {};
for (const kind of FILE_KINDS) {
  const { file, validatorExport } = SCHEMA_KINDS[kind];
  const text = renderJsonSchema(kind);
  writeFileSync(join(root, 'schemas', file), text);
  schemas[validatorExport] = JSON.parse(text);
}
writeFileSync(join(root, 'src/generated/validators.js'), compileValidators(schemas));
console.log(`wrote ${Object.keys(schemas).length} schemas and src/generated/validators.js`);
