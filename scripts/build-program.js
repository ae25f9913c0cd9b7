#!/usr/bin/env node
// Builds lib/: the Pulumi program and everything it imports, one CommonJS file per src/ file, for the
// installed package's `terra-iac/pulumi` entry (package.json `exports`). Each file goes through TypeScript's
// transpileModule, which is what Pulumi's ts-node does for a TypeScript `main` under
// PULUMI_NODEJS_TRANSPILE_ONLY, so the installed program runs the same code this repository runs: the smoke
// test's dynamic provider is serialized by Pulumi's closure serializer from these very functions (a bundle
// would change what it captures). lib/ sits beside src/ at the same depth, so `require('../../schemas/...')`
// and `../../package.json` resolve to the package's own files. Type checking is `npm run typecheck`'s job.
const { cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const ts = require('typescript');

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');
const OUT = join(ROOT, 'lib');
/** Only what a Pulumi program needs: not the CLI shell, the docs generator or the reports. */
const SKIP = ['cli', 'docs', 'report'];

const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  esModuleInterop: true,
  resolveJsonModule: true,
  sourceMap: false,
  declaration: false,
};

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dir === SRC && SKIP.includes(entry.name) ? [] : sources(path);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function main() {
  // Built next to lib/ and swapped in whole, so a reader never sees half a tree.
  const staging = `${OUT}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  let files = 0;
  for (const file of sources(SRC)) {
    const target = join(staging, relative(SRC, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.js')) cpSync(file, target);
    else {
      const { outputText, diagnostics } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file, reportDiagnostics: true });
      if (diagnostics?.length) throw new Error(`${relative(ROOT, file)}: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
      writeFileSync(target, outputText);
    }
    files += 1;
  }
  rmSync(OUT, { recursive: true, force: true });
  renameSync(staging, OUT);
  process.stdout.write(`build-program: lib/ holds ${files} files\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`build-program: ${error.message}\n`);
  process.exitCode = 1;
}
