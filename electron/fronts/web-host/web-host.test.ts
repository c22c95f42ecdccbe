import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestEngine, type TestEngine } from '../../../test/support/test-engine';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';
import { createDispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { ticketGate, type TicketGate } from './ticket-gate';
import { startWebHost, type WebHost } from './web-host';

let engine: TestEngine;
let host: WebHost;
let gate: TicketGate;
let renderer: string;
let cookie: string;

beforeEach(async () => {
  engine = await createTestEngine();
  renderer = mkdtempSync(join(tmpdir(), 'larder-renderer-'));
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Larder</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  gate = ticketGate(createDispatch(createHandlers(engine)));
  host = await startWebHost({ gate, events: engine.events, rendererFolder: renderer });
  cookie = await signIn(gate.signInUrl({ once: true }));
});

/** What the browser does with a sign-in address: follows it and keeps the cookie it is given. */
async function signIn(address: string): Promise<string> {
  const answer = await raw(new URL(address).pathname + new URL(address).search);
  expect(answer.status).toBe(303);
  return String(answer.headers['set-cookie']).split(';')[0] as string;
}

afterEach(async () => {
  await host.close();
  engine.dispose();
  rmSync(renderer, { recursive: true, force: true });
});

/** A raw request, so Host and Origin can be set as an attacker would. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const url = new URL(host.origin);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: { host: url.host, ...options.headers } },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    outgoing.on('error', reject);
    if (options.body !== undefined) outgoing.write(JSON.stringify(options.body));
    outgoing.end();
  });
}

const call = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(`/ipc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: host.origin, cookie, ...headers }, body });

describe('the web host', () => {
  it('listens on 127.0.0.1 only, and signs a browser in with an HttpOnly, SameSite=Strict cookie for a ticket that is no session', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const once = gate.signInUrl({ once: true });
    expect(once).toMatch(new RegExp(`^${host.origin}/open\\?ticket=[\\w-]{32}$`));
    const answer = await raw(new URL(once).pathname + new URL(once).search);
    expect(answer).toMatchObject({ status: 303, headers: { location: '/' } });
    const setCookie = String(answer.headers['set-cookie']);
    expect(setCookie).toMatch(/^larder_session_\d+=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=\/$/);
    // The ticket on the opener's command line is no use to anyone after the browser spent it.
    expect(setCookie).not.toContain(new URL(once).searchParams.get('ticket'));
    expect((await raw(new URL(once).pathname + new URL(once).search)).status).toBe(401);
    // The printed address works again during the run, for a tab that was closed.
    const printed = gate.signInUrl({ once: false });
    expect(await signIn(printed)).toBe(await signIn(printed));
  });

  it('answers the IPC contract with the same handlers Electron uses', async () => {
    const saved = await call('storage-units:save', { name: 'Main Kitchen' });
    expect(JSON.parse(saved.body)).toEqual({ ok: true, data: { id: 1, name: 'Main Kitchen' } });
    expect(JSON.parse((await call('storage-units:save', { name: 'Main Kitchen' })).body)).toMatchObject({ ok: false, error: { code: 'storage_unit_name_taken' } });
    expect(JSON.parse((await call('storage-units:save', { nom: 'x' })).body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses calls without the session cookie, with a wrong one, from another Host or Origin', async () => {
    expect((await call('storage-units:list', {}, { cookie: '' })).status).toBe(401);
    expect((await call('storage-units:list', {}, { cookie: `${cookie.split('=')[0]}=${'a'.repeat(64)}` })).status).toBe(401);
    expect((await raw('/open?ticket=guessed')).status).toBe(401);
    expect((await call('storage-units:list', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await call('storage-units:list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    // A change that does not say where it comes from is refused too (browsers always say it on a POST).
    const unsigned = await raw('/ipc/storage-units:save', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: { name: 'Bar' } });
    expect(unsigned.status).toBe(403);
    expect(JSON.parse((await call('storage-units:list', {})).body)).toEqual({ ok: true, data: [] });
    expect((await raw('/ipc/storage-units:list', { headers: { cookie } })).status).toBe(405);
    expect((await raw('/events')).status).toBe(401);
  });

  it('serves the renderer with the CSP and never a file outside it', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).toContain('<title>Larder</title>');
    expect((await raw('/assets/app.js')).headers['content-type']).toContain('javascript');
    const escape = await raw('/../../../../etc/passwd');
    expect(escape.body).not.toContain('root:');
    expect((await raw('/%2e%2e/%2e%2e/%2e%2e/etc/passwd')).body).not.toContain('root:');
    const encodedSlashes = await raw('/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd');
    expect(encodedSlashes.status).toBe(404);
    expect(encodedSlashes.body).not.toContain('root:');
    // A broken escape is the request's fault: 400 in words, no stack trace on standard error.
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
    try {
      const broken = await raw('/%');
      expect([broken.status, broken.body]).toEqual([400, 'The address is not valid.']);
      expect(errors).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('pushes events to the browser over server-sent events', async () => {
    const url = new URL(host.origin);
    const received = new Promise<string>((resolve, reject) => {
      const outgoing = request({ host: url.hostname, port: url.port, path: '/events', headers: { host: url.host, cookie } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('inventory:changed')) {
            resolve(text);
            outgoing.destroy();
          }
        });
        setTimeout(() => void call('ingredients:save', { name: 'Salt', unit: 'kg' }), 50);
      });
      outgoing.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
      outgoing.end();
    });
    expect(await received).toContain('data: {"type":"inventory:changed","what":"ingredients"}');
  });
});
