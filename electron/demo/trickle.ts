import type { ServerResponse } from 'node:http';

/**
 * The hung server of the fakes' 'trickle' fault: a 200 with its headers at once, then one byte of a
 * body that never ends every `everyMs`, until the client gives up and closes the connection.
 */
export function trickle(response: ServerResponse, everyMs: number): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{');
  const timer = setInterval(() => response.write(' '), everyMs);
  response.on('close', () => clearInterval(timer));
}
