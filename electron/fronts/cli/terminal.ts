// Reading from the terminal Larder was started in: a secret (not shown while typed) or a line.
import { createInterface } from 'node:readline';

/**
 * A secret from standard input: piped in (`echo … | npm run cli -- configure --client-secret -`), or
 * typed at a prompt on a terminal, where what is typed is not shown.
 */
export async function readSecret(prompt: string): Promise<string> {
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

/** A line typed at a prompt on the terminal (shown as typed). */
export async function askLine(prompt: string): Promise<string> {
  const lines = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await new Promise<string>((resolve) => lines.question(prompt, resolve));
  } finally {
    lines.close();
  }
}
