import { runCli } from '../../electron/fronts/cli/cli';

/**
 * A command run in-process the way `npm run cli` runs it, with this environment and, where given, what
 * a person types at a password prompt: its exit code, its last JSON line and all it printed.
 */
export async function runCliIn(env: Record<string, string>, argv: string[], input: string | null = null) {
  const lines: string[] = [];
  const code = await runCli(argv, { env, write: (line) => lines.push(line), ...(input === null ? {} : { readSecret: async () => input }) });
  return { code, json: JSON.parse(lines.at(-1) ?? 'null') as Record<string, unknown>, text: lines.join('\n') };
}
