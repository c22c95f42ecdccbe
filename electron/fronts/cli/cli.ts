// `npm run cli -- <command>`: the engine without a window. Each command prints one JSON document as
// its last stdout line; a refusal exits 1 with {"error":{"code","message"}}, and so does a command
// whose result says something failed (a transfer), with its JSON unchanged, so schedulers notice.
import { asDomainError, DomainError, DomainRefusal } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import { startEngine } from '../../core/backup/startup';
import { createNodePlatform } from '../../core/platform/node-platform';
import { csvCommands } from './csv-commands';
import { sidesCommands } from './sides-commands';
import { stockCommands } from './stock-commands';
import { inventoryCommands } from './inventory-commands';
import { lightspeedCommands } from './lightspeed-commands';
import type { CliIo, Command } from './command';
import { transferCommands } from './transfer-commands';
import { backupCommands } from './backup-commands';
import { peopleCommands } from './people-commands';

const commands: Record<string, Command> = { ...inventoryCommands, ...lightspeedCommands, ...transferCommands, ...csvCommands, ...sidesCommands, ...stockCommands, ...backupCommands, ...peopleCommands };

const HELP_WORDS = ['help', '--help', '-h'];

/** The usage for a person (standard error) beside the JSON document: every command, or the one asked about. */
function help(io: CliIo, name?: string) {
  const shown = name === undefined ? Object.values(commands) : [commands[name] as Command];
  const lines = shown.flatMap((command) => command.usage.split(' | ').map((form, index) => `${index === 0 ? '  ' : '  | '}${form}`));
  io.warn?.(['Larder on the command line: npm run cli -- <command> [arguments]', ...lines, 'Each command prints one JSON document as its last line; a refusal exits 1 with {"error":{"code","message"}}.'].join('\n'));
  return name === undefined ? { commands: shown.map((command) => command.usage) } : { usage: (commands[name] as Command).usage };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  let engine: Engine | undefined;
  try {
    if (name === undefined || HELP_WORDS.includes(name)) {
      io.write(JSON.stringify(help(io, args[0] !== undefined && Object.hasOwn(commands, args[0]) ? args[0] : undefined)));
      return 0;
    }
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) throw new DomainError('unknown_command', `Unknown command "${name}". Known: ${Object.keys(commands).join(', ')}. Help: npm run cli -- help`);
    if (args.length === 1 && HELP_WORDS.includes(args[0] as string)) {
      io.write(JSON.stringify(help(io, name)));
      return 0;
    }
    const platform = createNodePlatform({ env: io.env });
    let result: unknown;
    if ('runOnPlatform' in command) result = await command.runOnPlatform(platform, args, io);
    else {
      engine = await startEngine(platform, 'cli');
      result = await command.run(engine, args, io);
    }
    io.write(JSON.stringify(result));
    return command.failed?.(result as never) ? 1 : 0;
  } catch (error) {
    const known = asDomainError(error);
    if (known) {
      const facts = known instanceof DomainRefusal ? known.facts : {};
      io.write(JSON.stringify({ error: { code: known.code, message: known.message, ...facts, ...(known.details ? { details: known.details } : {}), ...(known.rows ? { rows: known.rows } : {}) } }));
      return 1;
    }
    io.write(JSON.stringify({ error: { code: 'internal_error', message: error instanceof Error ? error.message : String(error) } }));
    return 1;
  } finally {
    engine?.close();
  }
}
