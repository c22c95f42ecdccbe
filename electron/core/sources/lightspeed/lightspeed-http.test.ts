import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchDayFrom } from '../sales-day';
import { lightspeedDays } from './lightspeed-days';
import { LightspeedApi } from './api-client';
import { MAX_JSON_DEPTH, send } from './lightspeed-http';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A stand-in for Lightspeed that answers every request with `write`. */
async function serve(write: (response: ServerResponse) => void): Promise<string> {
  server = createServer((_request, response) => write(response));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const tokens = { accessToken: async () => 'token', afterRejection: async () => 'token' };

describe('answers from Lightspeed', () => {
  it('are refused past the size cap, whether or not they announce their length', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const announced = await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(3 * chunk.length) });
      response.end(Buffer.concat([chunk, chunk, chunk]));
    });
    await expect(send(announced, {}, { maxBytes: 2 * chunk.length })).rejects.toMatchObject({ code: 'lightspeed_api_error', message: expect.stringContaining('more than 2 MB') });
    server?.close();

    const streamed = await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      for (let index = 0; index < 3; index++) response.write(chunk);
      response.end();
    });
    await expect(send(streamed, {}, { maxBytes: 2 * chunk.length })).rejects.toMatchObject({ code: 'lightspeed_api_error' });
    await expect(send(streamed, {}, { maxBytes: 4 * chunk.length })).resolves.toMatchObject({ status: 200 });
  });

  it('refuses a body nested deep enough to overflow the stack as lightspeed_api_error, before anything walks it', async () => {
    // A sale with an extra field 100,000 levels deep: parsing copes, but anything that walked it would overflow.
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const url = await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        `{"sales":[{"accountReference":"a","type":"SALE","timeClosed":"2026-05-06T10:00:00Z","salesLines":[],"extra":${deep}}],"dataComplete":true}`,
      );
    });
    const api = new LightspeedApi(tokens, async () => url);
    await expect(fetchDayFrom(lightspeedDays(api), { businessLocationId: '1', date: '2026-05-06' })).rejects.toMatchObject({ code: 'lightspeed_api_error', message: expect.stringContaining(`${MAX_JSON_DEPTH} levels`) });
  });

  it('counts brackets inside strings as text, not nesting', async () => {
    const url = await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ note: `${'['.repeat(500)}"\\`, ok: true }));
    });
    await expect(new LightspeedApi(tokens, async () => url).get('/x')).resolves.toEqual({ note: `${'['.repeat(500)}"\\`, ok: true });
  });
});

describe('an answer that trickles (issue 25, item 1)', () => {
  it('is cut off at the deadline, body included, as a temporary lightspeed_api_error', async () => {
    const url = await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{');
      const timer = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    await expect(send(`${url}/f/v2/business-location`, {}, { deadlineMs: 300 })).rejects.toMatchObject({
      code: 'lightspeed_api_error',
      temporary: true,
      message: 'Lightspeed did not finish answering /f/v2/business-location within 300 ms; the answer was cut off and will be asked for again.',
    });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('a Lightspeed server that echoes the access token (issue 25, item 4)', () => {
  it('has it cut out of the error', async () => {
    const url = await serve((response) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'token secret-token-123 is not welcome here' }));
    });
    const api = new LightspeedApi({ accessToken: async () => 'secret-token-123', afterRejection: async () => 'secret-token-456' }, async () => url);
    await expect(api.get('/f/v2/business-location')).rejects.toMatchObject({ message: 'Lightspeed answered 500 for /f/v2/business-location: token [redacted] is not welcome here' });
  });
});

describe('a redirect from Lightspeed', () => {
  it('is refused and named with where it points, not as "could not be reached"', async () => {
    const url = await serve((response) => {
      response.writeHead(302, { location: 'https://elsewhere.example/steal' });
      response.end();
    });
    await expect(send(`${url}/f/v2/business-location`, {})).rejects.toMatchObject({
      code: 'lightspeed_api_error',
      temporary: false,
      message: 'Lightspeed answered /f/v2/business-location with a redirect to https://elsewhere.example/steal; Larder follows no redirect, so nothing was sent there.',
    });
  });
});
