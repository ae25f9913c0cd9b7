'use strict';
// The floor of `validate` on a project: read and parse every file it reads (config/*.yaml, Pulumi.yaml,
// Pulumi.*.yaml) with js-yaml, nothing else: no positions, schema, model or rules. Prints the file count.
// `node bench/yaml-floor.js [DIR]`.
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { load } = require('js-yaml');

const root = process.argv[2] ?? process.cwd();
const files = [
  ...readdirSync(join(root, 'config')).filter((f) => f.endsWith('.yaml')).map((f) => join(root, 'config', f)),
  ...readdirSync(root).filter((f) => /^Pulumi(\..+)?\.yaml$/.test(f)).map((f) => join(root, f)),
];
let parsed = 0;
for (const file of files) if (load(readFileSync(file, 'utf8')) !== undefined) parsed++;
process.stdout.write(`${parsed}\n`);
