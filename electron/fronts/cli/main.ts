import { createInterface } from 'node:readline';
import { runCli } from './cli';

/**
 * A secret from standard input: piped in (`echo … | npm run cli -- configure --client-secret -`), or
 * typed at a prompt on a terminal, where what is typed is not shown.
 */
async function readSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  process.stderr.write(prompt);
  const lines = createInterface({ input: stdin, terminal: true });
  // Echo off: readline writes nothing when it has no output stream, and raw mode keeps the terminal from echoing.
  stdin.setRawMode(true);
  try {
    const [line] = await lines[Symbol.asyncIterator]().next().then((next) => [next.value as string | undefined]);
    return line ?? '';
  } finally {
    stdin.setRawMode(false);
    lines.close();
    process.stderr.write('\n');
  }
}

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  write: (line) => process.stdout.write(`${line}\n`),
  warn: (line) => process.stderr.write(`${line}\n`),
  readSecret,
});
process.exitCode = code;
