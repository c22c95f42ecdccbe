// `npm run web`: Larder's screens in the system browser, for machines that cannot run Electron.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bugLogger, createDispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { DemoAccount } from '../../demo/demo-account';
import { createEngine } from '../../core/engine';
import { createNodePlatform } from '../../core/platform/node-platform';
import { startWebHost } from './web-host';

const { values } = parseArgs({ options: { 'no-open': { type: 'boolean' }, port: { type: 'string' } } });

const platform = createNodePlatform();
const engine = createEngine(platform, 'web');
const demo = new DemoAccount(engine);
await demo.resume().catch((error: Error) => process.stderr.write(`The demo account could not start again: ${error.message}\n`));
const host = await startWebHost({
  dispatch: createDispatch(createHandlers(engine, demo), bugLogger(engine)),
  events: engine.events,
  rendererFolder: fileURLToPath(new URL('../../../out/renderer', import.meta.url)),
  port: values.port ? Number(values.port) : Number(process.env.LARDER_WEB_PORT ?? 0),
});

// The printed address may be opened again (a closed tab); the one given to the browser opener is
// good once, because its command line is visible to every user of this computer.
const printed = host.signInUrl({ once: false });
process.stdout.write(`Larder is running at ${printed}\nData folder: ${platform.dataFolder}\nPress Ctrl+C to stop.\n`);
process.stdout.write(`${JSON.stringify({ url: printed, origin: host.origin, dataFolder: platform.dataFolder })}\n`);
if (!values['no-open'] && !process.env.CI) {
  platform.browser.open(host.signInUrl({ once: true })).catch((error: Error) => process.stderr.write(`Could not open the browser (${error.message}); open the address above.\n`));
}

const stop = async () => {
  await host.close();
  await demo.close();
  engine.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
