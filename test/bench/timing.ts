// What every benchmark measures with: a CLI command alone in its own process, and the median of runs.
import { spawnSync } from 'node:child_process';

export interface Timed<T> {
  code: number;
  ms: number;
  cpuMs: number;
  maxRssKB: number;
  result: T;
}

/** A CLI command in a process of its own (test/bench/timed-cli.ts): its wall and CPU time, peak memory and result. */
export function timedCli<T>(env: Record<string, string>, args: string[], options: { mayFail?: boolean } = {}): Timed<T> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/timed-cli.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
  const timed = JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as Timed<T>;
  if (timed.code !== 0 && !options.mayFail) throw new Error(`${args.join(' ')} answered ${JSON.stringify(timed.result)}`);
  return timed;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return +(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(1);
};
