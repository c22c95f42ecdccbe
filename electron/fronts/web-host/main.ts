// `npm run web`: Larder's screens in the system browser, for machines that cannot run Electron.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bugLogger, createDispatch, type Dispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { createRecoveryDispatch, recoveryProblemOf } from '../ipc/recovery';
import { DemoAccount } from '../../demo/demo-account';
import { startEngine } from '../../core/backup/startup';
import type { Engine } from '../../core/engine';
import { EventBus } from '../../core/event-bus';
import { createNodePlatform } from '../../core/platform/node-platform';
import { ticketGate } from './ticket-gate';
import { startWebHost } from './web-host';

const { values } = parseArgs({ options: { 'no-open': { type: 'boolean' }, port: { type: 'string' } } });

/** The day's automatic backup is looked for this often (it is taken once a day, after start-up). */
const BACKUP_CHECK_MS = 15 * 60_000;

const platform = createNodePlatform();
const events = new EventBus();
let engine: Engine | undefined;
let demo: DemoAccount | undefined;
let dispatch: Dispatch;

async function backUpIfDue(current: Engine): Promise<void> {
  try {
    await current.backups.ifDue();
  } catch (error) {
    current.log.error('The automatic backup failed', error);
  }
}

/** The engine on a healthy database, or the recovery door when it is damaged or missing or its server does not answer. */
async function start(): Promise<void> {
  try {
    const current = await startEngine(platform, 'web');
    engine = current;
    demo = new DemoAccount(current);
    await demo.resume().catch((error: Error) => process.stderr.write(`The demo account could not start again: ${error.message}\n`));
    current.events.subscribe((event) => events.emit(event));
    dispatch = createDispatch(createHandlers(current, demo), bugLogger(current));
    // Before serving: the screens then open on the day's backup, not on a notice that none was taken yet.
    await backUpIfDue(current);
  } catch (error) {
    const problem = recoveryProblemOf(platform, error);
    if (!problem) throw error;
    process.stderr.write(`${problem.message}\nThe screens offer ${problem.code === 'database_unreachable' ? 'to try again' : 'the backups to restore'}.\n`);
    dispatch = createRecoveryDispatch(platform, problem, start);
  }
}

await start();
const backups = setInterval(() => engine && void backUpIfDue(engine), BACKUP_CHECK_MS);
const gate = ticketGate((channel, input) => dispatch(channel, input));
const host = await startWebHost({
  gate,
  events,
  rendererFolder: fileURLToPath(new URL('../../../out/renderer', import.meta.url)),
  port: values.port ? Number(values.port) : Number(process.env.LARDER_WEB_PORT ?? 0),
});

// The printed address may be opened again (a closed tab); the one given to the browser opener is
// good once, because its command line is visible to every user of this computer.
const printed = gate.signInUrl({ once: false });
process.stdout.write(`Larder is running at ${printed}\nData folder: ${platform.dataFolder}\nPress Ctrl+C to stop.\n`);
process.stdout.write(`${JSON.stringify({ url: printed, origin: host.origin, dataFolder: platform.dataFolder })}\n`);
if (!values['no-open'] && !process.env.CI) {
  platform.browser.open(gate.signInUrl({ once: true })).catch((error: Error) => process.stderr.write(`Could not open the browser (${error.message}); open the address above.\n`));
}

const stop = async () => {
  clearInterval(backups);
  await host.close();
  await demo?.close();
  engine?.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
