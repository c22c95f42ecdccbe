import { DomainError } from '../domain-error';
import { listItems, syncItems } from '../items/item-sync';
import { listLocations, syncLocations } from '../locations/location-sync';
import { parseCommandArgs } from './args';
import type { Command } from './cli';

const connectUsage = 'connect [--no-browser] [--reauthorize] | connect --paste ADDRESS';
const locationsUsage = 'locations sync | locations list';
const itemsUsage = 'items sync | items list [--unmapped]';

function subcommand(args: string[], allowed: string[], usage: string): string {
  const [name] = args;
  if (!name || !allowed.includes(name)) throw new DomainError('invalid_input', `Usage: ${usage}`);
  return name;
}

export const lightspeedCommands: Record<string, Command> = {
  connect: {
    usage: connectUsage,
    run: async (engine, args, io) => {
      const { values } = parseCommandArgs(args, { 'no-browser': { type: 'boolean' }, reauthorize: { type: 'boolean' }, paste: { type: 'string' } }, connectUsage);
      const { connection } = engine.lightspeed;
      if (values.paste !== undefined) return { connection: await connection.completeFromPastedAddress(values.paste) };
      const started = await connection.start({ reauthorize: values.reauthorize ?? false });
      io.write(JSON.stringify({ authorizeUrl: started.authorizeUrl }));
      if (!started.completion) {
        return { authorizeUrl: started.authorizeUrl, next: 'Sign in, then run: npm run cli -- connect --paste "<the address the browser shows>"' };
      }
      if (!values['no-browser']) {
        await engine.platform.browser.open(started.authorizeUrl).catch(() => io.write(JSON.stringify({ note: 'Open the address above in a browser.' })));
      }
      return { connection: await started.completion };
    },
  },
  status: {
    usage: 'status',
    run: (engine) => ({ connection: engine.lightspeed.connection.view() }),
  },
  'test-connection': {
    usage: 'test-connection',
    run: (engine) => engine.lightspeed.connection.test(),
  },
  disconnect: {
    usage: 'disconnect',
    run: (engine) => ({ connection: engine.lightspeed.connection.disconnect() }),
  },
  locations: {
    usage: locationsUsage,
    run: async (engine, args) => {
      if (subcommand(args, ['sync', 'list'], locationsUsage) === 'sync') {
        return { synced: await syncLocations(engine.scope, engine.lightspeed.api, engine.platform.clock.now().toISOString()), locations: listLocations(engine.scope) };
      }
      return { locations: listLocations(engine.scope) };
    },
  },
  items: {
    usage: itemsUsage,
    run: async (engine, args) => {
      if (subcommand(args, ['sync', 'list'], itemsUsage) === 'sync') {
        return { synced: await syncItems(engine.scope, engine.lightspeed.api, engine.platform.clock.now().toISOString()) };
      }
      const { values } = parseCommandArgs(args.slice(1), { unmapped: { type: 'boolean' } }, itemsUsage);
      // Mappings arrive with the transfer engine; until then every item is unmapped.
      return { items: listItems(engine.scope), unmappedOnly: values.unmapped ?? false };
    },
  },
};
