// `npm run fake-lightspeed`: the fake K-Series alone, for trying the app or the CLI against it.
import { parseArgs } from 'node:util';
import { startFakeLightspeed } from './fake-lightspeed';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'auto-approve': { type: 'boolean' },
    now: { type: 'string' },
    'sales-per-day': { type: 'string' },
    'lines-per-sale': { type: 'string' },
    items: { type: 'string' },
    'history-days': { type: 'string' },
    'extra-locations': { type: 'string' },
    latency: { type: 'string' },
    bandwidth: { type: 'string' },
  },
});
const fake = await startFakeLightspeed({
  port: values.port ? Number(values.port) : 0,
  autoApprove: values['auto-approve'] ?? false,
  ...(values.now ? { now: values.now } : {}),
  ...(values['sales-per-day'] ? { salesPerDay: Number(values['sales-per-day']) } : {}),
  ...(values['lines-per-sale'] ? { linesPerSale: Number(values['lines-per-sale']) } : {}),
  ...(values.items ? { itemsPerBusiness: Number(values.items) } : {}),
  ...(values['history-days'] ? { historyDays: Number(values['history-days']) } : {}),
  ...(values['extra-locations'] ? { extraLocations: Number(values['extra-locations']) } : {}),
  network: {
    ...(values.latency ? { latencyMs: Number(values.latency) } : {}),
    ...(values.bandwidth ? { bandwidthMbit: Number(values.bandwidth) } : {}),
  },
});
const settings = {
  LIGHTSPEED_AUTH_URL: fake.authorizeUrl,
  LIGHTSPEED_TOKEN_URL: fake.tokenUrl,
  LIGHTSPEED_API_URL: fake.apiUrl,
  LIGHTSPEED_CLIENT_ID: fake.client.clientId,
  LIGHTSPEED_CLIENT_SECRET: fake.client.clientSecret,
};
process.stdout.write(`Fake Lightspeed K-Series on ${fake.url}\nUse it with:\n${Object.entries(settings).map(([key, value]) => `  export ${key}=${value}`).join('\n')}\n`);
process.stdout.write(`${JSON.stringify({ ...settings, url: fake.url })}\n`);
const stop = () => void fake.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
