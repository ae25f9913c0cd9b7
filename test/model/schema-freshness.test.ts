import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJsonSchema } from '../../src/model/json-schemas';
import { FILE_KINDS, SCHEMA_KINDS } from '../../src/model/schema-kinds';
import { compileValidators } from '../../src/validate/compile-validators';

const REPO = join(__dirname, '..', '..');
const STALE = 'is stale: run `npm run generate` and commit the result';

/** The zod model is the source of truth: what is committed must be exactly what it generates today. */
describe('generated files are fresh', () => {
  it.each(FILE_KINDS)('the published %s schema (schemas/) equals a fresh editor-profile renderJsonSchema()', (kind) => {
    const name = SCHEMA_KINDS[kind].file;
    const committed = readFileSync(join(REPO, 'schemas', name), 'utf8');
    expect(committed, `schemas/${name} ${STALE}`).toBe(renderJsonSchema(kind, 'editor'));
  });

  it.each(FILE_KINDS)('the CLI %s schema (src/generated/) equals a fresh cli-profile renderJsonSchema()', (kind) => {
    const name = SCHEMA_KINDS[kind].file;
    const committed = readFileSync(join(REPO, 'src', 'generated', name), 'utf8');
    expect(committed, `src/generated/${name} ${STALE}`).toBe(renderJsonSchema(kind, 'cli'));
  });

  it('src/generated/validators.js equals compileValidators() of the committed CLI schemas', () => {
    const schemas: Record<string, Record<string, unknown>> = {};
    for (const kind of FILE_KINDS) {
      const { file, validatorExport } = SCHEMA_KINDS[kind];
      schemas[validatorExport] = JSON.parse(readFileSync(join(REPO, 'src', 'generated', file), 'utf8'));
    }
    const committed = readFileSync(join(REPO, 'src', 'generated', 'validators.js'), 'utf8');
    expect(committed, `src/generated/validators.js ${STALE}`).toBe(compileValidators(schemas));
  });

  it('every kind has a published schema, a CLI schema and a generated validator', () => {
    const generated = require('../../src/generated/validators') as Record<string, unknown>;
    for (const kind of FILE_KINDS) {
      const { file, validatorExport } = SCHEMA_KINDS[kind];
      expect(typeof generated[validatorExport], validatorExport).toBe('function');
      expect(() => readFileSync(join(REPO, 'schemas', file))).not.toThrow();
      expect(() => readFileSync(join(REPO, 'src', 'generated', file))).not.toThrow();
    }
  });
});
