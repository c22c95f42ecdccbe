// The migration as the CLI runs it (`migrate status <location> --wait` runs the pending job to its
// end), alone in its own process so its time and peak memory are the engine's only. Prints one JSON
// line: wall and CPU seconds around the command, and the process's peak resident memory.
import { runCli } from '../../electron/fronts/cli/cli';

const [businessLocationId] = process.argv.slice(2);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const output: string[] = [];
const code = await runCli(['migrate', 'status', businessLocationId as string, '--wait'], { env: process.env, write: (text) => output.push(text), readSecret: async () => '' });
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({ code, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKB: process.resourceUsage().maxRSS, result: JSON.parse(output.at(-1) ?? 'null') as unknown })}\n`,
);
