// What a CLI command is and what it may use of the terminal. Apart from cli.ts, so the command files
// and the runner do not import each other in a circle.
import type { Engine } from '../../core/engine';

/** `io.write` lets a long command print a line before its result (connect prints the address first). */
export type CommandRun = (engine: Engine, args: string[], io: CliIo) => unknown;

export interface Command {
  usage: string;
  run: CommandRun;
  /** Whether the result reports a failure: the command then exits 1 after printing it. */
  failed?: (result: never) => boolean;
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
