import { DomainError } from '../../core/domain-error';
import { addUser, listUsers, resetPassword, setRole } from '../../core/people/users';
import { role as roleSchema, roles, type Role } from '../../../shared/model/people';
import { parseCommandArgs, readSecretInput } from './args';
import type { CliIo, Command } from './command';

const usersUsage = `users list | users add <login> --name NAME --role ROLE [--location ID]... [--storage-unit NAME]... | users set-role <login> <role> [--location ID]... [--storage-unit NAME]... | users reset-password <login>   (ROLE: ${roles.join(', ')}; the password is read from standard input or a prompt, never the command line)`;

function roleOf(text: string): Role {
  const parsed = roleSchema.safeParse(text.trim().toLowerCase());
  if (!parsed.success) throw new DomainError('invalid_input', `"${text}" is not a role: ${roles.join(', ')}.`);
  return parsed.data;
}

/** A password from standard input or the prompt: the line as typed, without its line ending (spaces are part of it). */
async function passwordFrom(io: CliIo, prompt: string): Promise<string> {
  return (await readSecretInput(io, prompt, 'password')).replace(/\r?\n$/, '');
}

export const peopleCommands: Record<string, Command> = {
  users: {
    usage: usersUsage,
    run: async (engine, args, io) => {
      const { values, positionals } = parseCommandArgs(
        args,
        { name: { type: 'string' }, role: { type: 'string' }, location: { type: 'string', multiple: true }, 'storage-unit': { type: 'string', multiple: true } },
        usersUsage,
      );
      const [action, login, third, ...rest] = positionals;
      const now = engine.platform.clock.now().toISOString();
      const assigned = { locations: values.location, storageUnits: values['storage-unit'] };
      const assigns = values.location !== undefined || values['storage-unit'] !== undefined;
      if (rest.length > 0) throw new DomainError('invalid_input', `Usage: ${usersUsage}`);
      if (action === 'list' && login === undefined && values.name === undefined && values.role === undefined && !assigns) return { users: await listUsers(engine.scope) };
      if (action === 'add' && login && third === undefined && values.name !== undefined && values.role !== undefined) {
        const role = roleOf(values.role);
        const password = await passwordFrom(io, `Password for ${login}: `);
        return { user: await addUser(engine.scope, { login, name: values.name, role, password, ...assigned }, now) };
      }
      if (action === 'set-role' && login && third !== undefined && values.name === undefined && values.role === undefined) {
        const role = roleOf(third);
        return { user: await setRole(engine.scope, login, role, assigned) };
      }
      if (action === 'reset-password' && login && third === undefined && values.name === undefined && values.role === undefined && !assigns) {
        return { user: await resetPassword(engine.scope, login, await passwordFrom(io, `New password for ${login}: `), now) };
      }
      throw new DomainError('invalid_input', `Usage: ${usersUsage}`);
    },
  },
};
