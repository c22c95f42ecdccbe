import { DomainError } from '../../core/domain-error';
import { parseCommandArgs, readSecretInput } from './args';
import type { Command } from './command';

const sidesUsage = 'sides connect [--api-url URL] --username NAME --password - [--update] | sides test | sides stores sync|list | sides products sync|list';

export const sidesCommands: Record<string, Command> = {
  sides: {
    usage: sidesUsage,
    run: async (engine, args, io) => {
      const { values, positionals } = parseCommandArgs(
        args,
        { 'api-url': { type: 'string' }, username: { type: 'string' }, password: { type: 'string' }, update: { type: 'boolean' } },
        sidesUsage,
      );
      const [group, action, ...rest] = positionals;
      if (rest.length > 0) throw new DomainError('invalid_input', `Usage: ${sidesUsage}`);
      const { sides } = engine;
      if (group === 'connect' && action === undefined) {
        if (!values.username || values.password === undefined) throw new DomainError('invalid_input', `Usage: ${sidesUsage}`);
        let password = values.password;
        if (password === '-') {
          password = await readSecretInput(io, 'Sides password: ', 'password');
        } else {
          io.warn?.('Warning: a password given on the command line can be seen by other users of this computer (in the process list) and stays in your shell history. Use --password - to type it or pipe it in.');
        }
        return { sides: await sides.connect({ apiUrl: values['api-url'], username: values.username, password }, { update: values.update ?? false }) };
      }
      if (group === 'test' && action === undefined) return { test: await sides.test() };
      if (group === 'stores' && action === 'sync') return { synced: await sides.syncStores() };
      if (group === 'stores' && action === 'list') return { stores: await sides.stores() };
      if (group === 'products' && action === 'sync') return { synced: await sides.syncProducts() };
      if (group === 'products' && action === 'list') return { products: await sides.products() };
      throw new DomainError('invalid_input', `Usage: ${sidesUsage}`);
    },
  },
};
