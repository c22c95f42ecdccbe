// What both doors over HTTP share (the web host on this PC, the Larder server): reading a request's
// cookie and body, and answering with the headers every answer carries.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_CSV_BYTES } from '../../../shared/model/csv';
import type { ErrorCode } from '../../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';

// The largest call is a CSV upload: a file of up to 200 MB, as base64 (four characters per three bytes).
const MAX_BODY_BYTES = Math.ceil((MAX_CSV_BYTES * 4) / 3) + 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** For answers a screen reads (the sign-in door's): the catalogued code it explains. */
    readonly code?: ErrorCode,
  ) {
    super(message);
  }
}

export function cookieValue(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

export function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'Request too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not JSON.', 'invalid_input');
  }
}

const COMMON_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': CONTENT_SECURITY_POLICY,
} as const;

export function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string | string[]> = {}): void {
  response.writeHead(status, { 'content-type': type, ...COMMON_HEADERS, ...headers });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  send(response, status, 'application/json', JSON.stringify(body), headers);
}

/** A path's percent-escapes decoded; a broken one ("/%") is the request's fault: 400, never a stack trace. */
export function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new HttpError(400, 'The address is not valid.');
  }
}
