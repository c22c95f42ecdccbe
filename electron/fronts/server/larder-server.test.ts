// The Larder server's security, over real HTTP (issue 32): no cookie → 401, another origin → refused,
// wrong passwords → locked, a password change ends the other sessions, the hash never leaves.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { request as tlsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCRYPT_TIMEOUT } from '../../../test/support/people';
import { HARBOUR, startRestaurant, TONGATAPU, type Restaurant } from '../../../test/support/restaurant';
import { addUser } from '../../core/people/users';
import { MAX_FAILURES } from '../../core/people/sessions';
import type { WebHost } from '../web-host/web-host';
import { MAX_ATTEMPTS } from '../web-host/people-gate';
import { serveGroup } from './larder-server';
import type { ServerConfig } from './server-config';

let restaurant: Restaurant;
let host: WebHost;
let renderer: string;
/** Every answer's body, to show none ever carried a password hash. */
let bodies: string[];

const PASSWORDS = { olga: 'owner of the harbour', max: 'manager of the harbour', cleo: 'counter in the kitchen' };

async function serve(config: Partial<ServerConfig> = {}): Promise<void> {
  host = await serveGroup(restaurant.engine, { address: '127.0.0.1', port: 0, origins: [], tls: null, behindProxy: false, ...config }, renderer);
}

beforeEach(async () => {
  restaurant = await startRestaurant();
  const { scope } = restaurant.engine;
  const now = restaurant.engine.platform.clock.now().toISOString();
  await addUser(scope, { login: 'olga', name: 'Olga Owner', role: 'owner', password: PASSWORDS.olga }, now);
  await addUser(scope, { login: 'max', name: 'Max Manager', role: 'manager', password: PASSWORDS.max, locations: [HARBOUR], storageUnits: ['Main Kitchen'] }, now);
  await addUser(scope, { login: 'cleo', name: 'Cleo Counter', role: 'counter', password: PASSWORDS.cleo, storageUnits: ['Main Kitchen'] }, now);
  renderer = mkdtempSync(join(tmpdir(), 'larder-renderer-'));
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Larder</title>');
  bodies = [];
  await serve();
}, SCRYPT_TIMEOUT);

afterEach(async () => {
  await host.close();
  await restaurant.dispose();
  rmSync(renderer, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
  json: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { host: url.host, ...options.headers } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        bodies.push(body);
        let json: Answer['json'] = { ok: false };
        try {
          json = JSON.parse(body) as Answer['json'];
        } catch {
          // Not every answer is JSON (a page, a plain refusal).
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, json });
      });
    });
    outgoing.on('error', reject);
    if (options.body !== undefined) outgoing.write(JSON.stringify(options.body));
    outgoing.end();
  });
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(path, { method: 'POST', headers: { 'content-type': 'application/json', origin: host.origin, ...headers }, body });

async function signIn(login: keyof typeof PASSWORDS, password: string = PASSWORDS[login]): Promise<string> {
  const answer = await post('/session/sign-in', { login, password });
  expect(answer.status).toBe(200);
  return String(answer.headers['set-cookie']).split(';')[0] as string;
}

const call = (cookie: string, channel: string, input: unknown = {}) => post(`/ipc/${channel}`, input, { cookie });

describe('a Larder server', () => {
  it('answers nobody without a session cookie: 401 on every contract, the events and who is signed in', async () => {
    for (const channel of ['app:info', 'storage-units:list', 'counts:list', 'people:list']) {
      const answer = await call('', channel);
      expect(answer.status).toBe(401);
      expect(answer.json.error?.code).toBe('not_signed_in');
    }
    expect((await call('larder_session=made-up', 'storage-units:list')).status).toBe(401);
    expect((await raw('/events')).status).toBe(401);
    expect((await raw('/session')).status).toBe(401);
    // The screens themselves are served: they show the sign-in.
    expect((await raw('/')).status).toBe(200);
  });

  it('signs a person in with an HttpOnly, SameSite=Strict cookie and refuses calls from another origin', { timeout: SCRYPT_TIMEOUT }, async () => {
    const answer = await post('/session/sign-in', { login: ' Max ', password: PASSWORDS.max });
    expect(answer.json).toEqual({ ok: true, data: { login: 'max', name: 'Max Manager', role: 'manager', locations: [HARBOUR], storage_units: ['Main Kitchen'] } });
    expect(String(answer.headers['set-cookie'])).toMatch(/^larder_session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const cookie = String(answer.headers['set-cookie']).split(';')[0] as string;
    expect((await raw('/session', { headers: { cookie } })).json.data).toMatchObject({ login: 'max' });
    expect((await call(cookie, 'storage-units:list')).json).toEqual({ ok: true, data: [expect.objectContaining({ name: 'Main Kitchen' })] });

    // Another site's page driving a signed-in browser: refused, whatever it calls.
    expect((await call(cookie, 'storage-units:list', {})).status).toBe(200);
    const elsewhere = await post('/ipc/waste:record', { storageUnit: 'Main Kitchen' }, { cookie, origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    expect((await post('/session/sign-in', { login: 'max', password: PASSWORDS.max }, { origin: 'http://127.0.0.1:1' })).status).toBe(403);
    const unsigned = await raw('/ipc/storage-units:list', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: {} });
    expect(unsigned.status).toBe(403);
    expect((await raw('/ipc/storage-units:list', { method: 'POST', headers: { host: 'evil.example', origin: host.origin, cookie }, body: {} })).status).toBe(403);

    await post('/session/sign-out', {}, { cookie });
    expect((await call(cookie, 'storage-units:list')).status).toBe(401);
  });

  it(`locks a name after ${MAX_FAILURES} wrong passwords, even for the right one after, and limits one device's attempts`, { timeout: SCRYPT_TIMEOUT }, async () => {
    for (let attempt = 0; attempt < MAX_FAILURES; attempt += 1) {
      const wrong = await post('/session/sign-in', { login: 'cleo', password: 'not the password at all' });
      expect([wrong.status, wrong.json.error?.code]).toEqual([401, 'sign_in_failed']);
      expect(wrong.headers['set-cookie']).toBeUndefined();
    }
    const locked = await post('/session/sign-in', { login: 'cleo', password: PASSWORDS.cleo });
    expect([locked.status, locked.json.error?.code]).toEqual([423, 'account_locked']);
    // A name nobody has is answered as a wrong password, never as "no such person".
    expect((await post('/session/sign-in', { login: 'nobody', password: 'not the password at all' })).json.error?.code).toBe('sign_in_failed');

    // One device trying many names meets the per-address limit (malformed tries count too).
    for (let attempt = MAX_FAILURES + 2; attempt < MAX_ATTEMPTS; attempt += 1) await post('/session/sign-in', { login: `guess${attempt}` });
    const limited = await post('/session/sign-in', { login: 'olga', password: PASSWORDS.olga });
    expect([limited.status, limited.json.error?.code]).toEqual([429, 'too_many_attempts']);
  });

  it('ends every other session of a person when their password changes, and keeps theirs', { timeout: SCRYPT_TIMEOUT }, async () => {
    const office = await signIn('max');
    const tablet = await signIn('max');
    const wrong = await post('/session/password', { current: 'not my password', password: 'a brand new password' }, { cookie: office });
    expect(wrong.json.error?.code).toBe('sign_in_failed');
    expect((await call(tablet, 'storage-units:list')).status).toBe(200);

    const changed = await post('/session/password', { current: PASSWORDS.max, password: 'a brand new password' }, { cookie: office });
    expect(changed.json).toEqual({ ok: true, data: null });
    const renewed = String(changed.headers['set-cookie']).split(';')[0] as string;
    expect((await call(renewed, 'storage-units:list')).status).toBe(200);
    expect((await call(tablet, 'storage-units:list')).status).toBe(401);
    expect((await call(office, 'storage-units:list')).status).toBe(401);
    expect((await post('/session/sign-in', { login: 'max', password: PASSWORDS.max })).status).toBe(401);
    await signIn('max', 'a brand new password');
  });

  it('checks role and scope on every call, records who changed what, and never lets a password hash out', { timeout: SCRYPT_TIMEOUT }, async () => {
    const owner = await signIn('olga');
    const manager = await signIn('max');
    const counter = await signIn('cleo');
    // A counter calling a manager's contract directly, as no screen of theirs would.
    const refused = await call(counter, 'waste:record', { storageUnit: 'Main Kitchen', ingredient: 'Tomato', quantity: '1', reason: 'spoiled', at: '2026-05-08T09:00:00Z' });
    expect(refused.json.error?.code).toBe('forbidden');
    expect((await call(counter, 'reports:food-cost', { businessLocationId: HARBOUR, from: '2026-05-01', to: '2026-05-07' })).json.error?.code).toBe('forbidden');
    expect((await call(manager, 'waste:record', { storageUnit: 'Bar Storage', ingredient: 'Tomato', quantity: '1', reason: 'spoiled', at: '2026-05-08T09:00:00Z' })).json.error?.code).toBe('forbidden');
    const wasted = await call(manager, 'waste:record', { storageUnit: 'Main Kitchen', ingredient: 'Tomato', quantity: '1', reason: 'spoiled', at: '2026-05-08T09:00:00Z' });
    expect(wasted.json.ok).toBe(true);
    expect((await call(manager, 'people:list')).json.error?.code).toBe('forbidden');
    const locations = (await call(manager, 'locations:list')).json.data as { businessLocationId: string }[];
    expect(locations.map((each) => each.businessLocationId)).toEqual([HARBOUR]);

    // What a person's call writes keeps their name: a day posted by hand, a count finished.
    const posted = await call(manager, 'transfers:run', { businessLocationId: HARBOUR, date: '2026-05-07' });
    expect(posted.json.ok).toBe(true);
    const logs = (await call(owner, 'logs:list', { businessLocationId: HARBOUR })).json.data as { startedBy: string | null }[];
    expect(logs.map((log) => log.startedBy)).toContain('Max Manager');
    const count = (await call(counter, 'counts:start', { storageUnit: 'Main Kitchen', at: '2026-05-08T08:00:00Z' })).json.data as { id: number };
    await call(counter, 'counts:set', { id: count.id, ingredient: 'Tomato', quantity: '4' });
    expect((await call(counter, 'counts:finish', { id: count.id })).json.ok).toBe(true);
    const counts = (await call(manager, 'counts:list')).json.data as { id: number; finished_by: string | null }[];
    expect(counts.find((each) => each.id === count.id)?.finished_by).toBe('Cleo Counter');

    const people = await call(owner, 'people:list');
    expect((people.json.data as { login: string }[]).map((each) => each.login)).toEqual(['cleo', 'max', 'olga']);
    const activity = (await call(owner, 'activity:list')).json.data as { name: string; channel: string; summary: string }[];
    expect(activity.map((row) => `${row.name} ${row.channel}`)).toEqual([
      'Cleo Counter counts:finish',
      'Cleo Counter counts:start',
      'Max Manager transfers:run',
      'Max Manager waste:record',
    ]);
    expect(activity[3]?.summary).toContain('Main Kitchen');

    await post('/session/password', { current: PASSWORDS.cleo, password: 'counting all day long' }, { cookie: counter });
    const hashes = (await restaurant.engine.scope.db.statement('SELECT password_hash FROM users').pluck().all()) as string[];
    for (const body of bodies) {
      expect(body).not.toMatch(/\$scrypt\$|password_hash|passwordHash/);
      for (const hash of hashes) expect(body).not.toContain(hash.split('$').pop());
    }
  });

  it('tells a manager of the events of their own venue and of what changed, not of other venues’ transfers', { timeout: SCRYPT_TIMEOUT }, async () => {
    const owner = await signIn('olga');
    const manager = await signIn('max');
    const received: string[] = [];
    const stream = request({ host: '127.0.0.1', port: host.port, path: '/events', headers: { host: new URL(host.origin).host, cookie: manager } }, (response) => {
      response.on('data', (chunk: Buffer) => received.push(chunk.toString()));
    });
    stream.on('error', () => undefined);
    stream.end();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await call(owner, 'transfers:run', { businessLocationId: TONGATAPU, date: '2026-05-07' })).json.ok).toBe(true);
    await call(owner, 'transfers:run', { businessLocationId: HARBOUR, date: '2026-05-07' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    stream.destroy();
    const text = received.join('');
    expect(text).toContain(`"businessLocationId":"${HARBOUR}"`);
    expect(text).not.toContain(TONGATAPU);
  });

  it('serves HTTPS with the given certificate and key, its cookie __Host- and Secure', { timeout: SCRYPT_TIMEOUT }, async () => {
    await host.close();
    await serve({ tls: { certFile: 'test/fixtures/tls/cert.pem', keyFile: 'test/fixtures/tls/key.pem' } });
    expect(host.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
      const outgoing = tlsRequest(
        `${host.origin}/session/sign-in`,
        { method: 'POST', ca: readFileSync('test/fixtures/tls/cert.pem'), headers: { 'content-type': 'application/json', origin: host.origin } },
        (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, cookie: String(response.headers['set-cookie']) }));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(JSON.stringify({ login: 'olga', password: PASSWORDS.olga }));
    });
    expect(answer.status).toBe(200);
    expect(answer.cookie).toMatch(/^__Host-larder_session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
  });

  it('behind an https reverse proxy, names its cookie __Host- and marks it Secure', { timeout: SCRYPT_TIMEOUT }, async () => {
    await host.close();
    await serve({ origins: ['https://larder.example'], behindProxy: true });
    const answer = await post('/session/sign-in', { login: 'olga', password: PASSWORDS.olga }, { host: 'larder.example', origin: 'https://larder.example', 'x-forwarded-for': '203.0.113.9' });
    expect(answer.status).toBe(200);
    expect(String(answer.headers['set-cookie'])).toMatch(/^__Host-larder_session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
  });
});
