'use strict';
// Preloaded (`node --require bench/peak-rss.js ...`) by bench/lib.js peakRssKiB: reports the process's peak
// resident memory in KiB on stderr as it exits, however it exits (process.exit included).
process.on('exit', () => {
  require('node:fs').writeSync(2, `\n[peak-rss] ${process.resourceUsage().maxRSS}\n`);
});
