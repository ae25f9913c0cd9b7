import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES, renderJsonSchema, type SchemaFileName } from '../../src/model/json-schemas';
import { compileValidators } from '../../src/validate/compile-validators';
import { VALIDATOR_EXPORTS } from '../../src/validate/validator-exports';

const REPO = join(__dirname, '..', '..');
const SCHEMA_NAMES = Object.keys(SCHEMA_FILES) as SchemaFileName[];
const STALE = 'is stale: run `npm run generate` and commit the result';

/** The zod model is the source of truth: what is committed must be exactly what it generates today. */
describe('generated files are fresh', () => {
  it.each(SCHEMA_NAMES)('schemas/%s equals a fresh renderJsonSchema() of the zod model', (name) => {
    const committed = readFileSync(join(REPO, 'schemas', name), 'utf8');
    expect(committed, `schemas/${name} ${STALE}`).toBe(renderJsonSchema(name));
  });

  it('src/generated/validators.js equals compileValidators() of the committed schemas', () => {
    const schemas: Record<string, Record<string, unknown>> = {};
    for (const name of SCHEMA_NAMES) schemas[VALIDATOR_EXPORTS[name]] = JSON.parse(readFileSync(join(REPO, 'schemas', name), 'utf8'));
    const committed = readFileSync(join(REPO, 'src', 'generated', 'validators.js'), 'utf8');
    expect(committed, `src/generated/validators.js ${STALE}`).toBe(compileValidators(schemas));
  });

  it('every schema file has a validator export and every export is generated', () => {
    expect(Object.keys(VALIDATOR_EXPORTS).sort()).toEqual([...SCHEMA_NAMES].sort());
    const generated = require('../../src/generated/validators') as Record<string, unknown>;
    for (const exportName of Object.values(VALIDATOR_EXPORTS)) expect(typeof generated[exportName], exportName).toBe('function');
  });
});
