'use strict';
// Loads Pulumi.yaml's `main` (src/index.ts) the way `pulumi up` does for a TypeScript project: Pulumi's own
// ts-node registration (the vendored ts-node 7 and the project's TypeScript, tsconfig.json, nodenext), then
// `require(main)`, then calls the exported function inside the root stack (@pulumi/pulumi cmd/run/run.ts).
// Under the mock monitor instead of the engine. Type checking is left to `npm run typecheck` (transpileOnly),
// which is what PULUMI_NODEJS_TRANSPILE_ONLY=true does. Prints the registrations, the dynamic providers and the outputs as JSON.
const path = require('node:path');
const { runUnderMocks } = require('./run-under-mocks');

async function main() {
  const root = process.cwd();
  const pulumiDir = path.dirname(require.resolve('@pulumi/pulumi/package.json', { paths: [root] }));
  const tsutils = require(path.join(pulumiDir, 'tsutils'));
  const compilerOptions = tsutils.loadTypeScriptCompilerOptions('tsconfig.json');
  const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
  require(tsnodeRequire).register({
    compiler: typescriptRequire,
    transpileOnly: true,
    project: 'tsconfig.json',
    skipProject: false,
    compilerOptions: { target: 'ES2020', module: 'nodenext', moduleResolution: 'nodenext', sourceMap: 'true', ...compilerOptions },
  });
  const pulumi = require('@pulumi/pulumi');
  await runUnderMocks(pulumi, () => require(path.join(root, 'src', 'index.ts')), 'src/index.ts');
}

main().catch((error) => {
  process.stderr.write(`${error.name}: ${error.message}\n`);
  process.exit(1);
});
