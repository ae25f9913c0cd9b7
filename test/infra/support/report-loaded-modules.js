'use strict';
// Preloaded with `node --require` (NODE_OPTIONS): at exit, writes every file the process loaded through require
// to the file named by TERRA_IAC_TEST_LOADED, one per line.
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.TERRA_IAC_TEST_LOADED, Object.keys(require.cache).join('\n'));
});
