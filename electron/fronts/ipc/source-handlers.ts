import { saveCsvProfile } from '../../core/sources/csv/csv-profiles';
import { listPresets, profileFromPreset, proposalFor } from '../../core/sources/csv/csv-preset-proposal';
import { peekCsv } from '../../core/sources/csv/csv-reader';
import { listUploads, previewCsv, revertUpload, sampleCsv, uploadCsv } from '../../core/sources/csv/csv-upload';
import type { Engine } from '../../core/engine';
import { listSourceViews } from '../../core/overview/source-overview';
import type * as sourcesContracts from '../../../shared/ipc/contracts/sources';
import type { ChannelsOf, Handlers } from './handler-types';
import { fileOf } from './ipc-files';
import type { CsvUploadView } from '../../../shared/model/csv';

type SourceChannel = ChannelsOf<typeof sourcesContracts>;

/** Sales sources and CSV uploads. An upload or a revert changes the ledger and the logs: sources:changed says so. */
export function createSourceHandlers(engine: Engine): Pick<Handlers, SourceChannel> {
  const { scope, events, platform, transfers } = engine;
  const now = () => platform.clock.now().toISOString();
  const uploaded = (upload: CsvUploadView) => {
    events.emit({ type: 'sources:changed', what: 'uploads' });
    return upload;
  };
  return {
    'sources:list': () => listSourceViews(scope),
    'csv:profile-save': async ({ profile }) => {
      const saved = await saveCsvProfile(scope, profile, now());
      events.emit({ type: 'sources:changed', what: 'profiles' });
      return { id: saved.id, profile: saved.profile };
    },
    'csv:presets': () => listPresets(),
    'csv:propose': ({ file }) => proposalFor(fileOf(file).content),
    'csv:profile-from-preset': async ({ preset, file, name, storageUnits, currency }) => {
      const saved = await profileFromPreset(scope, preset, fileOf(file).content, { name, storageUnits, currency }, now());
      events.emit({ type: 'sources:changed', what: 'profiles' });
      return { id: saved.id, profile: saved.profile };
    },
    'csv:peek': ({ file, encoding, delimiter, quote }) => peekCsv(fileOf(file).content, { encoding, delimiter, quote }),
    'csv:sample': ({ profile, file, date }) => sampleCsv(profile, fileOf(file).content, date),
    'csv:preview': async ({ profile, file, modifiers, date }) => {
      const preview = await previewCsv(scope, profile, fileOf(file), { date, rules: transfers.salesRules(), modifiers: modifiers && fileOf(modifiers) }, now());
      events.emit({ type: 'lightspeed:changed', what: 'items' });
      return preview;
    },
    'csv:upload': async ({ profile, file, modifiers, date, mode, skipInvalid }) =>
      uploaded(await uploadCsv(scope, profile, fileOf(file), { date, mode, skipInvalid, rules: transfers.salesRules(), modifiers: modifiers && fileOf(modifiers) }, now())),
    'csv:uploads': () => listUploads(scope),
    'csv:revert': async ({ id }) => uploaded(await revertUpload(scope, id, now())),
  };
}
