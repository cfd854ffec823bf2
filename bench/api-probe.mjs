/**
 * Loaded into the API process under test (`node --import ./bench/api-probe.mjs scripts/start.mjs`,
 * and into the peer's): answers the benchmark's requests for this process's CPU time and memory over the
 * IPC channel. It changes nothing else in the API. Plain JavaScript: the API runs
 * without a TypeScript loader, as `npm start` runs it.
 */
process.on('message', (message) => {
  if (message?.type !== 'stats') return;
  const cpu = process.cpuUsage();
  process.send?.({
    type: 'stats',
    cpuMicros: cpu.user + cpu.system,
    rss: process.memoryUsage().rss,
    // resourceUsage reports the peak resident set in kilobytes.
    maxRss: process.resourceUsage().maxRSS * 1024,
  });
});
// The channel must not keep the API alive on its own (it exits on SIGINT like `npm start`).
process.channel?.unref();
