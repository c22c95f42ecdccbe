import { saveCsvProfile } from '../../core/sources/csv/csv-profiles';
import { MAX_CSV_BYTES, peekCsv } from '../../core/sources/csv/csv-reader';
import { listUploads, previewCsv, revertUpload, sampleCsv, uploadCsv } from '../../core/sources/csv/csv-upload';
import { DomainError } from '../../core/domain-error';
import type { Engine } from '../../core/engine';
import { listSourceViews } from '../../core/overview/source-overview';
import type * as sourcesContracts from '../../../shared/ipc/contracts/sources';
import type { ChannelsOf, Handlers } from './handler-types';
import type { CsvUploadView } from '../../../shared/model/csv';

type SourceChannel = ChannelsOf<typeof sourcesContracts>;

/** A file as the renderer sent it, refused by its size before it is decoded. */
function fileOf(file: { name: string; base64: string }): { name: string; content: Buffer } {
  // Four base64 characters carry three bytes.
  if (Math.floor((file.base64.length * 3) / 4) > MAX_CSV_BYTES + 2) {
    throw new DomainError('csv_file_too_large', `${file.name} is larger than 200 MB.`);
  }
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length > MAX_CSV_BYTES) throw new DomainError('csv_file_too_large', `${file.name} has ${bytes.length} bytes; at most ${MAX_CSV_BYTES} (200 MB) are read.`);
  return { name: file.name, content: bytes };
}

/** Sales sources and CSV uploads. An upload or a revert changes the ledger and the logs: sources:changed says so. */
export function createSourceHandlers(engine: Engine): Pick<Handlers, SourceChannel> {
  const { scope, events, platform } = engine;
  const now = () => platform.clock.now().toISOString();
  const uploaded = (upload: CsvUploadView) => {
    events.emit({ type: 'sources:changed', what: 'uploads' });
    return upload;
  };
  return {
    'sources:list': () => listSourceViews(scope),
    'csv:profile-save': ({ profile }) => {
      const saved = saveCsvProfile(scope, profile, now());
      events.emit({ type: 'sources:changed', what: 'profiles' });
      return { id: saved.id, profile: saved.profile };
    },
    'csv:peek': ({ file, encoding, delimiter, quote }) => peekCsv(fileOf(file).content, { encoding, delimiter, quote }),
    'csv:sample': ({ profile, file, date }) => sampleCsv(profile, fileOf(file).content, date),
    'csv:preview': async ({ profile, file, date }) => {
      const preview = await previewCsv(scope, profile, fileOf(file), { date }, now());
      events.emit({ type: 'lightspeed:changed', what: 'items' });
      return preview;
    },
    'csv:upload': async ({ profile, file, date, mode, skipInvalid }) => uploaded(await uploadCsv(scope, profile, fileOf(file), { date, mode, skipInvalid }, now())),
    'csv:uploads': () => listUploads(scope),
    'csv:revert': ({ id }) => uploaded(revertUpload(scope, id, now())),
  };
}
