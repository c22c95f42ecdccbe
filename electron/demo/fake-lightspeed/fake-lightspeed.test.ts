import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateInZone } from '../../core/time/zoned-time';
import { startFakeLightspeed, type FakeLightspeed } from './fake-lightspeed';
import type { FakeSale } from './fake-data';

let fake: FakeLightspeed;
let token: string;

beforeEach(async () => {
  fake = await startFakeLightspeed({ autoApprove: true, now: '2026-05-08T10:00:00Z', today: '2026-05-08' });
  // Through the front door: authorize, then exchange with PKCE and HTTP Basic.
  const verifier = 'v'.repeat(50);
  const { s256 } = await import('./fake-oauth');
  const authorize = new URL(fake.authorizeUrl);
  authorize.search = new URLSearchParams({ response_type: 'code', client_id: 'larder-demo', redirect_uri: 'http://127.0.0.1:1/callback', state: 's', scope: 'financial-api items', code_challenge: s256(verifier), code_challenge_method: 'S256' }).toString();
  const code = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location') as string).searchParams.get('code') as string;
  const answer = await fetch(fake.tokenUrl, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('larder-demo:larder-demo-secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:1/callback', code_verifier: verifier }),
  });
  token = ((await answer.json()) as { access_token: string }).access_token;
});
afterEach(() => fake.close());

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await fetch(`${fake.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

const TONGATAPU = 56565676793266;
const HONOLULU = 67676787804377;

describe('the fake K-Series: business days', () => {
  it.each([
    ['east of UTC+12', TONGATAPU, 'Pacific/Tongatapu', '2026-05-05T04:00:00+13:00'],
    ['west of UTC−7', HONOLULU, 'Pacific/Honolulu', '2026-05-05T04:00:00-10:00'],
  ])('puts sales closed after local midnight on the previous business day (%s)', async (_name, blId, zone, nextStart) => {
    const { status, body } = await get(`/f/v2/business-location/${blId}/sales-daily?date=2026-05-04`);
    expect(status).toBe(200);
    expect(body.nextStartOfDayAsIso8601).toBe(nextStart);
    expect(body.dataComplete).toBe(true);
    const sales = body.sales as FakeSale[];
    const afterMidnight = sales.filter((sale) => dateInZone(new Date(sale.timeClosed), zone) === '2026-05-05');
    expect(afterMidnight.length).toBeGreaterThan(0);
    const nextDay = (await get(`/f/v2/business-location/${blId}/sales-daily?date=2026-05-05`)).body.sales as FakeSale[];
    expect(nextDay.map((sale) => sale.receiptId)).not.toContain(afterMidnight[0]?.receiptId);
  });

  it('marks a day that has not closed as incomplete, and has the refunds, voids, modifiers and decimals clients meet', async () => {
    expect((await get(`/f/v2/business-location/${TONGATAPU}/sales-daily?date=2026-05-08`)).body.dataComplete).toBe(false);
    const week = await Promise.all(['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03'].map((date) => get(`/f/v2/business-location/45454565682155/sales-daily?date=${date}`)));
    const sales = week.flatMap((day) => day.body.sales as FakeSale[]);
    const lines = sales.flatMap((sale) => sale.salesLines);
    expect(sales.some((sale) => sale.type === 'REFUND' && sale.salesLines.every((line) => line.quantity.startsWith('-')))).toBe(true);
    expect(sales.some((sale) => sale.type === 'VOID')).toBe(true);
    expect(lines.some((line) => line.parentLineId !== null)).toBe(true);
    expect(lines.some((line) => /^-?0\.\d{3}$/.test(line.quantity))).toBe(true);
    expect(lines.every((line) => /^-?\d+\.\d{3}$/.test(line.quantity))).toBe(true);
    // The same request gives the same sales: the data is generated from a seed.
    expect((await get('/f/v2/business-location/45454565682155/sales-daily?date=2026-05-01')).body).toEqual(week[4]?.body);
  });

  it('serves the renamed item under its old name before the rename, with the same SKU', async () => {
    const week = async (dates: string[]) =>
      (await Promise.all(dates.map((date) => get(`/f/v2/business-location/45454565682155/sales-daily?date=${date}`)))).flatMap((day) => day.body.sales as FakeSale[]);
    const old = await week(['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07']);
    const recent = await week(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07']);
    const skuOf = (sales: FakeSale[], name: string) => sales.flatMap((sale) => sale.salesLines).find((line) => line.name === name)?.sku;
    expect(skuOf(old, 'Flat White (regular)')).toBeDefined();
    expect(skuOf(recent, 'Flat white')).toBe(skuOf(old, 'Flat White (regular)'));
  });
});

describe('the fake K-Series: sales by range', () => {
  it('pages by at most 100 with an opaque token bound to its query', async () => {
    const base = `/f/v2/business-location/45454565682155/sales?from=2026-05-01T00:00:00Z&to=2026-05-03T00:00:00Z&pageSize=100`;
    const first = await get(base);
    expect((first.body.sales as unknown[]).length).toBe(100);
    const second = await get(`${base}&nextPageToken=${first.body.nextPageToken as string}`);
    const lastOfFirst = (first.body.sales as FakeSale[]).at(-1)?.timeClosed ?? '';
    expect((second.body.sales as FakeSale[])[0]?.timeClosed ?? '').toBeTruthy();
    expect(((second.body.sales as FakeSale[])[0]?.timeClosed ?? '') >= lastOfFirst).toBe(true);
    const other = await get(`/f/v2/business-location/45454565682155/sales?from=2026-05-01T00:00:00Z&pageSize=50&nextPageToken=${first.body.nextPageToken as string}`);
    expect(other).toMatchObject({ status: 400, body: { error: 'Invalid nextPageToken' } });
  });

  it.each([
    ['', "Required request parameter 'from'"],
    ['?from=12/12/2023', 'Invalid date format: 12/12/2023'],
    ['?from=2026-05-01T00:00:00Z&pageSize=101', 'pageSize'],
    ['?from=2026-05-01T00:00:00Z&limit=10', "Unknown request parameter 'limit'"],
    ['?from=2026-05-03T00:00:00Z&to=2026-05-01T00:00:00Z', "'from' must be before 'to'"],
    ['?from=2025-12-15T00:00:00Z', 'earliest date'],
  ])('answers 400 with the documented body for %s', async (query, words) => {
    const { status, body } = await get(`/f/v2/business-location/45454565682155/sales${query}`);
    expect(status).toBe(400);
    expect(body.error).toContain(words);
  });

  it('refuses a missing or wrong bearer token as Spring does', async () => {
    const answer = await fetch(`${fake.apiUrl}/f/data/businesses`);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await answer.json()).toMatchObject({ status: 401, error: 'Unauthorized' });
  });

  it('plays its faults once each, in order, and logs every request', async () => {
    fake.fail({ kind: 503 });
    fake.fail({ kind: 429, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' });
    expect((await get('/f/data/businesses')).status).toBe(503);
    const limited = await fetch(`${fake.apiUrl}/f/data/businesses`, { headers: { authorization: `Bearer ${token}` } });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, 'Wed, 21 Oct 2026 07:28:00 GMT']);
    expect((await get('/f/data/businesses')).status).toBe(200);
    expect(fake.requests.filter((request) => request.path === '/f/data/businesses').map((request) => [request.status, request.fault ?? null])).toEqual([
      [503, 503],
      [429, 429],
      [200, null],
    ]);
  });
});
