import { runCli } from './cli';

const code = await runCli(process.argv.slice(2), { env: process.env, write: (line) => process.stdout.write(`${line}\n`) });
process.exitCode = code;
