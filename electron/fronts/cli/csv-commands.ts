import { DomainError } from '../../core/domain-error';
import { listCsvProfiles, saveCsvProfile } from '../../core/csv/csv-profiles';
import { parseCommandArgs, readFileArgument } from './args';
import type { Command } from './command';

const csvUsage = 'csv profile save <file.json> | csv profile list';

export const csvCommands: Record<string, Command> = {
  csv: {
    usage: csvUsage,
    run: (engine, args) => {
      const { positionals } = parseCommandArgs(args, {}, csvUsage);
      const [group, action, file, ...rest] = positionals;
      if (group === 'profile' && action === 'save' && file && rest.length === 0) {
        let json: unknown;
        try {
          json = JSON.parse(readFileArgument(file));
        } catch (error) {
          if (error instanceof DomainError) throw error;
          throw new DomainError('csv_profile_invalid', `${file} is not JSON: ${(error as Error).message}`);
        }
        const saved = saveCsvProfile(engine.scope, json, engine.platform.clock.now().toISOString());
        return { profile: { id: saved.id, ...saved.profile } };
      }
      if (group === 'profile' && action === 'list' && file === undefined) {
        return { profiles: listCsvProfiles(engine.scope).map((saved) => ({ id: saved.id, ...saved.profile })) };
      }
      throw new DomainError('invalid_input', `Usage: ${csvUsage}`);
    },
  },
};
