// One CLI command (`migrate status <location> --wait` runs the pending migration to its end;
// `run-due` is the nightly run) alone in its own process, so its time and peak memory are the
// engine's only. Prints one JSON line: wall and CPU seconds around the command, the process's peak
// resident memory and the command's own result.
import { runCli } from '../../electron/fronts/cli/cli';

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const output: string[] = [];
const code = await runCli(process.argv.slice(2), { env: process.env, write: (text) => output.push(text), readSecret: async () => '' });
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({ code, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKB: process.resourceUsage().maxRSS, result: JSON.parse(output.at(-1) ?? 'null') as unknown })}\n`,
);
