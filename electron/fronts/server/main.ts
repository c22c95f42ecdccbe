// `npm run server`: Larder for a group, on one machine, for many people (issue 32). The engine runs
// headless with its scheduler (the nightly run and its catch-up, the day's backup) and serves the
// screens and the IPC contract to signed-in people, each through their own door: role and scope
// checked on every call, every change written with their name. It runs on SQLite in the data folder
// or on the PostgreSQL server LARDER_DATABASE_URL names, like the desktop app.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { asDomainError } from '../../core/domain-error';
import { startEngine } from '../../core/backup/startup';
import type { Engine } from '../../core/engine';
import { createNodePlatform } from '../../core/platform/node-platform';
import { addUser, listUsers } from '../../core/people/users';
import { NightlyScheduler } from '../../core/scheduler/nightly-scheduler';
import { runDue } from '../../core/scheduler/run-due';
import { askLine, readSecret } from '../cli/terminal';
import { bugLogger } from '../ipc/dispatch';
import { serveGroup } from './larder-server';
import { recoveryProblemOf } from '../ipc/recovery';
import { serverConfigOf, serverUsage } from './server-config';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * The first start asks for the owner's account on the terminal; a service started without one (no
 * terminal) says how to create it instead of serving a Larder nobody can sign in to.
 */
async function ensureOwner(engine: Engine): Promise<void> {
  if ((await listUsers(engine.scope)).length > 0) return;
  if (!process.stdin.isTTY) {
    fail('Nobody can sign in to this Larder yet. Create the owner first:\n  npm run cli -- users add LOGIN --name "YOUR NAME" --role owner\nthen start the server again.');
  }
  process.stderr.write('Nobody can sign in to this Larder yet: create the owner’s account (everything, every location).\n');
  for (;;) {
    try {
      const name = await askLine('Your name: ');
      const login = await askLine('Sign-in name (such as maria or maria@harbour.example): ');
      const password = await readSecret('Password (10 characters or more, not shown): ');
      const user = await addUser(engine.scope, { login, name, role: 'owner', password }, engine.platform.clock.now().toISOString());
      process.stderr.write(`${user.name} signs in as "${user.login}".\n`);
      return;
    } catch (error) {
      const known = asDomainError(error);
      if (!known) throw error;
      process.stderr.write(`${known.message}\n`);
    }
  }
}

const { values } = parseArgs({ options: { listen: { type: 'string' }, origin: { type: 'string', multiple: true }, cert: { type: 'string' }, key: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help) {
  process.stdout.write(`${serverUsage}\n`);
  process.exit(0);
}
let config: ReturnType<typeof serverConfigOf>;
try {
  config = serverConfigOf(values, process.env);
} catch (error) {
  fail(`${(error as Error).message}\nUsage: ${serverUsage}`);
}

const platform = createNodePlatform();
let engine: Engine;
try {
  engine = await startEngine(platform, 'server');
} catch (error) {
  const problem = recoveryProblemOf(platform, error);
  if (!problem) throw error;
  // No screen to recover from on a server: the owner restores from the command line, and a service
  // manager starts it again (a database server that was down is retried by the restart).
  fail(`${problem.message}\nRestore a backup with \`npm run cli -- restore FILE\`, or start again once the database server answers.`);
}
await ensureOwner(engine);

const log = bugLogger(engine);
const scheduler = new NightlyScheduler({
  clock: engine.platform.clock,
  timers: { setInterval, clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout) },
  nightlyTime: () => engine.platform.settings.get('nightlyRunTime'),
  runDue: async () => {
    await runDue(engine.transfers);
    // The day's backup after the night's posting, so it holds last night's days.
    await engine.backups.ifDue();
  },
  onError: (error) => log('[larder] the scheduled run failed', error),
});

const host = await serveGroup(engine, config, fileURLToPath(new URL('../../../out/renderer', import.meta.url)));
scheduler.start();

process.stdout.write(`Larder server for ${platform.dataFolder} at ${host.origin} (${engine.db.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}). Press Ctrl+C to stop.\n`);
process.stdout.write(`${JSON.stringify({ origin: host.origin, dataFolder: platform.dataFolder })}\n`);

const stop = async () => {
  scheduler.dispose();
  await host.close();
  engine.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
