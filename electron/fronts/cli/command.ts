// What a CLI command is and what it may use of the terminal. Apart from cli.ts, so the command files
// and the runner do not import each other in a circle.
import type { Engine } from '../../core/engine';
import type { Platform } from '../../core/platform/platform';

/** `io.write` lets a long command print a line before its result (connect prints the address first). */
export type CommandRun = (engine: Engine, args: string[], io: CliIo) => unknown;
export type PlatformCommandRun = (platform: Platform, args: string[], io: CliIo) => unknown;

interface CommandBase {
  usage: string;
  /** Whether the result reports a failure: the command then exits 1 after printing it. */
  failed?: (result: never) => boolean;
}

export interface EngineCommand extends CommandBase {
  run: CommandRun;
}

/**
 * A command that must work when the database cannot be opened (listing and restoring backups, init,
 * importing an export): it gets the platform, and starts the engine itself where it needs one.
 */
export interface PlatformCommand extends CommandBase {
  runOnPlatform: PlatformCommandRun;
}

export type Command = EngineCommand | PlatformCommand;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** The command's output: one JSON document per line, the last one the result. */
  write(line: string): void;
  /** A warning for the person at the terminal (standard error), never part of the JSON. */
  warn?(line: string): void;
  /** A secret typed at a prompt or piped in on standard input (`--client-secret -`). */
  readSecret?(prompt: string): Promise<string>;
}
