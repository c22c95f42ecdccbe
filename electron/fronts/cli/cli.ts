// `npm run cli -- <command>`: the engine without a window. Each command prints one JSON document as
// its last stdout line; a refusal exits 1 with {"error":{"code","message"}}, and so does a command
// whose result says something failed (a transfer), with its JSON unchanged, so schedulers notice.
import { asDomainError, DomainError } from '../../core/domain-error';
import { createEngine, type Engine } from '../../core/engine';
import { createNodePlatform } from '../../core/platform/node-platform';
import { inventoryCommands } from './inventory-commands';
import { lightspeedCommands } from './lightspeed-commands';
import { transferCommands } from './transfer-commands';

/** `io.write` lets a long command print a line before its result (connect prints the address first). */
export type CommandRun = (engine: Engine, args: string[], io: CliIo) => unknown;

export interface Command {
  usage: string;
  run: CommandRun;
  /** Whether the result reports a failure: the command then exits 1 after printing it. */
  failed?: (result: never) => boolean;
}

const commands: Record<string, Command> = { ...inventoryCommands, ...lightspeedCommands, ...transferCommands };

function help() {
  return { commands: Object.values(commands).map((command) => command.usage) };
}

export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** The command's output: one JSON document per line, the last one the result. */
  write(line: string): void;
  /** A warning for the person at the terminal (standard error), never part of the JSON. */
  warn?(line: string): void;
  /** A secret typed at a prompt or piped in on standard input (`--client-secret -`). */
  readSecret?(prompt: string): Promise<string>;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  let engine: Engine | undefined;
  try {
    if (name === undefined || name === 'help' || name === '--help') {
      io.write(JSON.stringify(help()));
      return 0;
    }
    const command = commands[name];
    if (!command) throw new DomainError('unknown_command', `Unknown command "${name}". Known: ${Object.keys(commands).join(', ')}.`);
    engine = createEngine(createNodePlatform({ env: io.env }), 'cli');
    const result = await command.run(engine, args, io);
    io.write(JSON.stringify(result));
    return command.failed?.(result as never) ? 1 : 0;
  } catch (error) {
    const known = asDomainError(error);
    if (known) {
      io.write(JSON.stringify({ error: { code: known.code, message: known.message, ...(known.details ? { details: known.details } : {}) } }));
      return 1;
    }
    io.write(JSON.stringify({ error: { code: 'internal_error', message: error instanceof Error ? error.message : String(error) } }));
    return 1;
  } finally {
    engine?.close();
  }
}
