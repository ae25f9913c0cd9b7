import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vendorAdminSchemas } from '../test/support/local-terra-admin/vendor';

/**
 * Regenerates test/fixtures/terra-admin/{schemas,operations}.json from Terra's admin OpenAPI document:
 *   node scripts/run-ts.js scripts/vendor-admin-schemas.ts [PATH_TO_admin-api.yaml]
 * The default path is ../shared/terra/openapi/admin-api.yaml, beside the repository.
 */
const root = process.cwd();
const spec = process.argv[2] ?? join(root, '..', 'shared', 'terra', 'openapi', 'admin-api.yaml');
if (!existsSync(spec)) {
  process.stderr.write(`vendor-admin-schemas: ${spec} does not exist; pass the path to admin-api.yaml\n`);
  process.exit(2);
}
const files = vendorAdminSchemas(readFileSync(spec, 'utf8'));
for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'test', 'fixtures', 'terra-admin', name), text);
process.stdout.write(`wrote ${Object.keys(files).map((n) => `test/fixtures/terra-admin/${n}`).join(' and ')}\n`);
