#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(bundle)) {
  process.stderr.write('terra-iac: dist/cli.js is missing; run `npm ci` (or `npm run build`) in the terra-iac folder first.\n');
  process.exit(2);
}
require(bundle).run();
