import { confirmRename, openRenames } from '../../core/items/item-renames';
import { DomainError } from '../../core/domain-error';
import { rankUnmapped } from '../../core/items/mapping-coverage';
import { formatScaled, MONEY_SCALE, QUANTITY_SCALE } from '../../core/decimal/decimal';
import { listItems } from '../../core/items/item-sync';
import { configureConnection } from '../../../shared/ipc/contracts/connection';
import { configureLightspeed, viewConfiguration } from '../../core/sources/lightspeed/configure';
import { findStorageUnitByName } from '../../core/inventory/storage-units';
import { linkStorageUnit, setAutoIssue, setTimeZone } from '../../core/locations/location-config';
import { locationOverview } from '../../core/overview/location-overview';
import { listLocations } from '../../core/locations/location-sync';
import { activateLocation, unlinkLocation } from '../../core/migration/migration';
import { parseCommandArgs, readSecretInput } from './args';
import type { Command } from './command';
import { syncItems, syncLocations } from '../../core/sources/lightspeed/lightspeed-sync';
import { compareTransactions } from '../../core/sources/lightspeed/transactions-compare';

const configureUsage =
  'configure [--environment trial-v2|production-v2|trial-v1|production-v1|custom] [--client-id ID] [--client-secret -|SECRET] [--redirect-uri URI|loopback] [--loopback-port N|ephemeral] [--auth-url URL --token-url URL --api-url URL]';
const connectUsage = 'connect [--no-browser] [--reauthorize] | connect --paste ADDRESS';
const compareUsage = 'lightspeed compare <blId> <transactions.csv> [--day-starts HH:MM]';
const locationsUsage = 'locations sync | list | show <blId> | link <blId> <storage unit name> | unlink <blId> | activate <blId> | auto <blId> on|off | timezone <blId> <zone>';
const itemsUsage = 'items sync | items list [--unmapped [--ranked]] [--source NAME] | items renames [confirm ID]';

function subcommand(args: string[], allowed: string[], usage: string): string {
  const [name] = args;
  if (!name || !allowed.includes(name)) throw new DomainError('invalid_input', `Usage: ${usage}`);
  return name;
}

export const lightspeedCommands: Record<string, Command> = {
  configure: {
    usage: configureUsage,
    run: async (engine, args, io) => {
      const options = { type: 'string' } as const;
      const { values } = parseCommandArgs(
        args,
        { environment: options, 'client-id': options, 'client-secret': options, 'redirect-uri': options, 'loopback-port': options, 'auth-url': options, 'token-url': options, 'api-url': options },
        configureUsage,
      );
      if (Object.keys(values).length === 0) return { configuration: await viewConfiguration(engine) };
      const custom = values['auth-url'] || values['token-url'] || values['api-url'];
      let clientSecret = values['client-secret'];
      if (clientSecret === '-') {
        clientSecret = (await readSecretInput(io, 'Lightspeed client secret: ', 'client secret')).trim();
        if (!clientSecret) throw new DomainError('invalid_input', 'The client secret read from standard input is empty.');
      } else if (clientSecret !== undefined) {
        io.warn?.('Warning: a client secret given on the command line can be seen by other users of this computer (in the process list) and stays in your shell history. Use --client-secret - to type it or pipe it in.');
      }
      const parsed = configureConnection.input.safeParse({
        environment: values.environment,
        clientId: values['client-id'],
        clientSecret,
        redirectUri: values['redirect-uri'] === 'loopback' ? null : values['redirect-uri'],
        loopbackPort: values['loopback-port'] === undefined ? undefined : values['loopback-port'] === 'ephemeral' ? null : Number(values['loopback-port']),
        customEndpoints: custom ? { authorizeUrl: values['auth-url'], tokenUrl: values['token-url'], apiUrl: values['api-url'] } : undefined,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DomainError('invalid_input', `${issue?.path.join('.')}: ${issue?.message}. Usage: ${configureUsage}`);
      }
      return { configuration: await configureLightspeed(engine, parsed.data) };
    },
  },
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
    run: async (engine) => ({ connection: await engine.lightspeed.connection.view() }),
  },
  'test-connection': {
    usage: 'test-connection',
    run: (engine) => engine.lightspeed.connection.test(),
  },
  disconnect: {
    usage: 'disconnect',
    run: async (engine) => ({ connection: await engine.lightspeed.connection.disconnect() }),
  },
  lightspeed: {
    usage: compareUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(args, { 'day-starts': { type: 'string' } }, compareUsage);
      const [verb, blId, file] = positionals;
      if (verb !== 'compare' || !blId || !file || positionals.length !== 3) throw new DomainError('invalid_input', `Usage: ${compareUsage}`);
      return { compare: await compareTransactions(engine.scope, blId, { path: file }, engine.transfers.salesRules(), values['day-starts']) };
    },
  },
  locations: {
    usage: locationsUsage,
    run: async (engine, args) => {
      const [, blId = '', value = ''] = args;
      switch (subcommand(args, ['sync', 'list', 'show', 'link', 'unlink', 'activate', 'auto', 'timezone'], locationsUsage)) {
        case 'show':
          return { overview: await locationOverview(engine.scope, blId, engine.platform.clock) };
        case 'sync':
          return { synced: await syncLocations(engine.scope, engine.lightspeed.api, engine.platform.clock.now().toISOString()), locations: await listLocations(engine.scope) };
        case 'link': {
          const unit = await findStorageUnitByName(engine.scope, args.slice(2).join(' '));
          if (!unit) throw new DomainError('storage_unit_not_found', `No storage unit named "${args.slice(2).join(' ')}".`);
          return { location: await linkStorageUnit(engine.scope, blId, unit.id) };
        }
        case 'unlink':
          return { location: await unlinkLocation(engine.scope, blId, engine.platform.clock) };
        case 'activate':
          return { migration: await activateLocation(engine.scope, blId, engine.platform.clock) };
        case 'auto':
          if (value !== 'on' && value !== 'off') throw new DomainError('invalid_input', `Usage: ${locationsUsage}`);
          return { location: await setAutoIssue(engine.scope, blId, value === 'on') };
        case 'timezone':
          if (!value) throw new DomainError('invalid_input', `Usage: ${locationsUsage}`);
          return { location: await setTimeZone(engine.scope, blId, value) };
        default:
          return { locations: await listLocations(engine.scope) };
      }
    },
  },
  items: {
    usage: itemsUsage,
    run: async (engine, args) => {
      const command = subcommand(args, ['sync', 'list', 'renames'], itemsUsage);
      if (command === 'sync') return { synced: await syncItems(engine.scope, engine.lightspeed.api, engine.platform.clock.now().toISOString()) };
      if (command === 'renames') {
        const [action, id] = args.slice(1);
        if (action === undefined) return { renames: await openRenames(engine.scope) };
        if (action !== 'confirm' || !/^\d+$/.test(id ?? '') || args.length !== 3) throw new DomainError('invalid_input', `Usage: ${itemsUsage}`);
        await confirmRename(engine.scope, Number(id), engine.platform.clock.now().toISOString());
        return { confirmed: Number(id) };
      }
      const { values } = parseCommandArgs(args.slice(1), { unmapped: { type: 'boolean' }, source: { type: 'string' }, ranked: { type: 'boolean' } }, itemsUsage);
      const items = await listItems(engine.scope, { unmapped: values.unmapped ?? false, source: values.source });
      if (!values.ranked) return { items };
      if (!values.unmapped) throw new DomainError('invalid_input', '--ranked orders the unmapped work list: use it with --unmapped.');
      // The work list: what each unmapped item sold over the last 30 days, the costliest to leave unmapped first.
      const ranks = new Map((await rankUnmapped(engine.scope, engine.platform.clock)).map((rank) => [rank.posItemId, rank]));
      const sold = (id: number) => ranks.get(id) ?? { value: 0, units: 0 };
      return {
        items: items
          .sort((a, b) => sold(b.id).value - sold(a.id).value || sold(b.id).units - sold(a.id).units || a.name.localeCompare(b.name))
          .map((item) => ({ ...item, netSales30d: formatScaled(sold(item.id).value, MONEY_SCALE), unitsSold30d: formatScaled(sold(item.id).units, QUANTITY_SCALE) })),
      };
    },
  },
};
