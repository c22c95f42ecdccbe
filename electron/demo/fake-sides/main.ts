// `npm run fake-sides`: the fake Sides POS alone (two stores, generated orders), for trying the app or the CLI against it.
import { parseArgs } from 'node:util';
import { startFakeSides } from './fake-sides';

const { values } = parseArgs({ options: { port: { type: 'string' }, today: { type: 'string' }, days: { type: 'string', default: '120' } } });
const fake = await startFakeSides({
  port: values.port ? Number(values.port) : 0,
  demoDays: Number(values.days),
  ...(values.today ? { today: values.today } : {}),
});
process.stdout.write(
  `Fake Sides POS on ${fake.url} (user demo@larder.test, password demo-password).\n` +
    `export SIDES_API_URL=${fake.url}\n` +
    `printf %s demo-password | npm run cli -- sides connect --username demo@larder.test --password -\n`,
);
process.on('SIGINT', () => void fake.close().then(() => process.exit(0)));
