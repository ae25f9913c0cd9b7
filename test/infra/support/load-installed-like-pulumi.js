'use strict';
// Loads Pulumi.yaml's `main` of a repository made by `terra-iac init` (plain JavaScript, typescript: false)
// the way `pulumi up` does: `require(main)` from the project folder, then calls the exported function inside
// the root stack (@pulumi/pulumi cmd/run/run.ts), under the mock monitor instead of the engine. The
// @pulumi/pulumi is the project's own (node_modules). Prints the registrations and the dynamic providers.
const path = require('node:path');
const { runUnderMocks } = require('./run-under-mocks');

async function main() {
  const root = process.cwd();
  const pulumi = require(require.resolve('@pulumi/pulumi', { paths: [root] }));
  const project = require('node:fs').readFileSync(path.join(root, 'Pulumi.yaml'), 'utf8');
  const entry = /^main:\s*(\S+)$/m.exec(project)[1];
  await runUnderMocks(pulumi, () => require(path.join(root, entry)), entry);
}

main().catch((error) => {
  process.stderr.write(`${error.name}: ${error.message}\n`);
  process.exit(1);
});
