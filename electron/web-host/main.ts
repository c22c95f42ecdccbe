// `npm run web`: Larder's screens in the system browser, for machines that cannot run Electron.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bugLogger, createDispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { DemoAccount } from '../demo/demo-account';
import { createEngine } from '../engine';
import { createNodePlatform } from '../platform/node-platform';
import { startWebHost } from './web-host';

const { values } = parseArgs({ options: { 'no-open': { type: 'boolean' }, port: { type: 'string' } } });

const platform = createNodePlatform();
const engine = createEngine(platform, 'web');
const demo = new DemoAccount(engine);
await demo.resume().catch((error: Error) => process.stderr.write(`The demo account could not start again: ${error.message}\n`));
const host = await startWebHost({
  dispatch: createDispatch(createHandlers(engine, demo), bugLogger(engine)),
  events: engine.events,
  rendererFolder: fileURLToPath(new URL('../../out/renderer', import.meta.url)),
  port: values.port ? Number(values.port) : Number(process.env.LARDER_WEB_PORT ?? 0),
});

process.stdout.write(`Larder is running at ${host.url}\nData folder: ${platform.dataFolder}\nPress Ctrl+C to stop.\n`);
process.stdout.write(`${JSON.stringify({ url: host.url, origin: host.origin, dataFolder: platform.dataFolder })}\n`);
if (!values['no-open'] && !process.env.CI) {
  platform.browser.open(host.url).catch((error: Error) => process.stderr.write(`Could not open the browser (${error.message}); open the address above.\n`));
}

const stop = async () => {
  await host.close();
  await demo.close();
  engine.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
