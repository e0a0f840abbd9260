// Preloaded (`node -r`) into a benchmarked CLI: at exit, writes the process's peak resident memory
// (process.resourceUsage().maxRSS, kilobytes; worker threads included, child processes not) to the
// file BENCH_MAX_RSS_FILE names.
const file = process.env.BENCH_MAX_RSS_FILE;
if (file) process.once("exit", () => require("node:fs").writeFileSync(file, String(process.resourceUsage().maxRSS)));
