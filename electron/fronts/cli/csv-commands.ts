import { DomainError } from '../../core/domain-error';
import { listCsvProfiles, saveCsvProfile } from '../../core/sources/csv/csv-profiles';
import { detectCsv, listPresets, profileFromPreset } from '../../core/sources/csv/csv-preset-proposal';
import { listUploads, previewCsv, readCsvFile, revertUpload, uploadCsv } from '../../core/sources/csv/csv-upload';
import { parseCommandArgs, readFileArgument } from './args';
import type { Command } from './command';

const csvUsage =
  'csv presets | csv detect <file> | csv profile from-preset <preset> <file> --name NAME --storage-unit SU [--currency USD] | ' +
  'csv profile save <file.json> | csv profile list | csv preview <profile> <file> [--modifiers FILE] [--date D] | ' +
  'csv upload <profile> <file> [--modifiers FILE] [--date D] [--replace|--add] [--skip-invalid] | csv uploads | csv revert <upload id>';

const usage = () => new DomainError('invalid_input', `Usage: ${csvUsage}`);

export const csvCommands: Record<string, Command> = {
  csv: {
    usage: csvUsage,
    run: async (engine, args) => {
      const { values, positionals } = parseCommandArgs(
        args,
        {
          date: { type: 'string' },
          replace: { type: 'boolean' },
          add: { type: 'boolean' },
          'skip-invalid': { type: 'boolean' },
          name: { type: 'string' },
          'storage-unit': { type: 'string' },
          currency: { type: 'string' },
          modifiers: { type: 'string' },
        },
        csvUsage,
      );
      const at = engine.platform.clock.now().toISOString();
      const [group, ...rest] = positionals;
      if (group === 'profile') {
        const [action, file, ...extra] = rest;
        if (action === 'save' && file && extra.length === 0) {
          let json: unknown;
          try {
            json = JSON.parse(readFileArgument(file));
          } catch (error) {
            if (error instanceof DomainError) throw error;
            throw new DomainError('csv_profile_invalid', `${file} is not JSON: ${(error as Error).message}`);
          }
          const saved = await saveCsvProfile(engine.scope, json, at);
          return { profile: { id: saved.id, ...saved.profile } };
        }
        if (action === 'from-preset' && file && extra.length === 1) {
          if (!values.name?.trim() || !values['storage-unit']?.trim()) throw new DomainError('invalid_input', 'Name the profile (--name) and the storage unit its sales go to (--storage-unit).');
          const saved = await profileFromPreset(engine.scope, file, readCsvFile(extra[0] as string).content, { name: values.name, storageUnit: values['storage-unit'], currency: values.currency }, at);
          return { profile: { id: saved.id, ...saved.profile } };
        }
        if (action === 'list' && file === undefined) {
          return { profiles: (await listCsvProfiles(engine.scope)).map((saved) => ({ id: saved.id, ...saved.profile })) };
        }
        throw usage();
      }
      if ((group === 'preview' || group === 'upload') && rest.length === 2) {
        const [profile, path] = rest as [string, string];
        const file = readCsvFile(path);
        const modifiers = values.modifiers === undefined ? undefined : readCsvFile(values.modifiers);
        if (group === 'preview') return { preview: await previewCsv(engine.scope, profile, file, { date: values.date, rules: engine.transfers.salesRules(), modifiers }, at) };
        if (values.replace && values.add) throw new DomainError('invalid_input', 'Choose --replace or --add, not both.');
        const mode = values.replace ? 'replace' : values.add ? 'add' : undefined;
        return { upload: await uploadCsv(engine.scope, profile, file, { date: values.date, mode, skipInvalid: values['skip-invalid'] ?? false, rules: engine.transfers.salesRules(), modifiers }, at) };
      }
      if (group === 'presets' && rest.length === 0) return { presets: listPresets() };
      if (group === 'detect' && rest.length === 1) return { detect: await detectCsv(readCsvFile(rest[0] as string).content) };
      if (group === 'uploads' && rest.length === 0) return { uploads: await listUploads(engine.scope) };
      if (group === 'revert' && rest.length === 1) {
        const id = Number(rest[0]);
        if (!Number.isSafeInteger(id) || id <= 0) throw new DomainError('csv_upload_not_found', `"${rest[0]}" is not an upload id; take one from csv uploads.`);
        return { upload: await revertUpload(engine.scope, id, at) };
      }
      throw usage();
    },
  },
};
