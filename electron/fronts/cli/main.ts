import { runCli } from './cli';
import { readSecret } from './terminal';

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  write: (line) => process.stdout.write(`${line}\n`),
  warn: (line) => process.stderr.write(`${line}\n`),
  readSecret,
});
process.exitCode = code;
