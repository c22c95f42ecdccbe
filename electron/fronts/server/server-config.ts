// Where a Larder server listens and how browsers reach it, from `npm run server -- …` or the
// environment (a systemd unit or a Windows service sets LARDER_SERVER_*). Two shapes are allowed:
// HTTPS with the given certificate and key, on any address; or plain HTTP on loopback only, behind a
// reverse proxy (Caddy, nginx) that holds the certificate. Plain HTTP on a network address would send
// passwords and session cookies in the clear: it is refused.
import { DomainError } from '../../core/domain-error';

export interface ServerConfig {
  address: string;
  port: number;
  /** The addresses people type (a proxy's https://larder.example); the listening address is always allowed too. */
  origins: string[];
  tls: { certFile: string; keyFile: string } | null;
  /** Plain HTTP on loopback with a public origin: a reverse proxy on this machine forwards to it. */
  behindProxy: boolean;
}

export interface ServerArgs {
  listen?: string | undefined;
  origin?: readonly string[] | undefined;
  cert?: string | undefined;
  key?: string | undefined;
}

export const DEFAULT_LISTEN = '127.0.0.1:8080';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const serverUsage =
  'npm run server -- [--listen HOST:PORT] [--origin https://larder.example]... [--cert FILE --key FILE]   (or LARDER_SERVER_LISTEN, LARDER_SERVER_ORIGIN (comma-separated), LARDER_SERVER_CERT, LARDER_SERVER_KEY)';

function listenOf(text: string): { address: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[2]);
  // Port 0 picks a free one (the tests' servers).
  if (!match || port > 65535) throw new DomainError('invalid_input', `"${text}" is not an address to listen on: write HOST:PORT, such as 127.0.0.1:8080 or 0.0.0.0:8443.`);
  return { address: (match[1] as string).replace(/^\[|\]$/g, ''), port };
}

function originOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new DomainError('invalid_input', `"${text}" is not an address people open: write it as https://larder.example (with https://).`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new DomainError('invalid_input', `${url.origin}: browsers must reach a Larder server over https (plain http only on this machine).`);
  }
  return url.origin;
}

export function serverConfigOf(args: ServerArgs, env: NodeJS.ProcessEnv): ServerConfig {
  const { address, port } = listenOf(args.listen ?? env.LARDER_SERVER_LISTEN ?? DEFAULT_LISTEN);
  const origins = (args.origin?.length ? args.origin : (env.LARDER_SERVER_ORIGIN ?? '').split(',').filter((each) => each.trim())).map(originOf);
  const certFile = args.cert ?? env.LARDER_SERVER_CERT;
  const keyFile = args.key ?? env.LARDER_SERVER_KEY;
  if (!certFile !== !keyFile) throw new DomainError('invalid_input', 'HTTPS needs both the certificate (--cert) and its private key (--key).');
  const tls = certFile && keyFile ? { certFile, keyFile } : null;
  const loopback = LOOPBACK.has(address);
  if (!tls && !loopback) {
    throw new DomainError('invalid_input', `Plain HTTP on ${address} would send passwords in the clear: give --cert and --key, or listen on 127.0.0.1 behind a reverse proxy.`);
  }
  if (!loopback && origins.length === 0) {
    throw new DomainError('invalid_input', `Listening on ${address}: name the address people open with --origin (such as https://larder.example:${port}).`);
  }
  return { address, port, origins, tls, behindProxy: loopback && !tls && origins.length > 0 };
}
