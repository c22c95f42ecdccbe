// Sales sources and CSV uploads, as the Sales sources and Upload screens reach them.
import { z } from 'zod';
import { csvPresetView, csvPreview, csvProfileSchema, csvProposal, csvUploadModes, csvUploadView } from '../../model/csv';
import { salesSourceView } from '../../model/sources';
import { defineContract } from '../contract';

const empty = z.object({}).strict();

/** A file the renderer read (it checks the size first; main checks it again before decoding). */
export const csvFileInput = z.object({ name: z.string().trim().min(1).max(260), base64: z.string() }).strict();

const fileErrors = ['invalid_input', 'csv_preset_read_beside', 'csv_profile_not_found', 'csv_unreadable', 'csv_column_missing', 'csv_column_ambiguous', 'csv_row_invalid', 'csv_file_too_large', 'date_required', 'invalid_date_format', 'storage_unit_not_found'] as const;

export const listSourcesContract = defineContract({
  channel: 'sources:list',
  input: empty,
  output: z.array(salesSourceView),
  errors: [],
});

/** Saves a profile (the same JSON as a profile file), replacing the profile of its name. */
export const saveCsvProfileContract = defineContract({
  channel: 'csv:profile-save',
  input: z.object({ profile: z.unknown() }).strict(),
  output: z.object({ id: z.number().int(), profile: csvProfileSchema }),
  errors: ['csv_profile_invalid', 'storage_unit_not_found'],
});

/** The built-in presets for real till exports. */
export const listPresetsContract = defineContract({
  channel: 'csv:presets',
  input: empty,
  output: z.array(csvPresetView),
  errors: [],
});

/** A dropped file recognised by its header: the preset proposed for it, and the locations it names. */
export const proposeCsvContract = defineContract({
  channel: 'csv:propose',
  input: z.object({ file: csvFileInput }).strict(),
  output: csvProposal,
  errors: ['csv_unreadable', 'csv_file_too_large', 'csv_column_missing'],
});

/** Saves the profile a preset proposes for the file, each location value sent to the storage unit chosen for it. */
export const profileFromPresetContract = defineContract({
  channel: 'csv:profile-from-preset',
  input: z
    .object({
      preset: z.string(),
      file: csvFileInput,
      name: z.string().trim().min(1, 'give the profile a name').max(100),
      storageUnits: z.record(z.string(), z.string().trim().min(1, 'choose a storage unit')),
      currency: z.string().trim().optional(),
    })
    .strict(),
  output: z.object({ id: z.number().int(), profile: csvProfileSchema }),
  errors: ['csv_preset_not_found', 'csv_preset_not_recognised', 'csv_profile_invalid', 'storage_unit_not_found', 'csv_unreadable', 'csv_column_missing', 'csv_file_too_large', 'invalid_input'],
});

/** A file's first rows as they split, before there is a profile: the columns a person picks from. */
export const peekCsvContract = defineContract({
  channel: 'csv:peek',
  input: z
    .object({
      file: csvFileInput,
      encoding: z.enum(['utf-8', 'windows-1252', 'auto']).default('auto'),
      delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
      quote: z.string().length(1).default('"'),
    })
    .strict(),
  output: z.object({ delimiter: z.string(), rows: z.array(z.array(z.string())) }),
  errors: ['csv_unreadable', 'csv_file_too_large'],
});

/** How a profile not saved yet reads a sample file: the profile editor's live preview. */
export const sampleCsvContract = defineContract({
  channel: 'csv:sample',
  input: z.object({ profile: z.unknown(), file: csvFileInput, date: z.string().optional() }).strict(),
  output: csvPreview.pick({ header: true, rows: true, rows_valid: true, rows_invalid: true, rows_skipped: true, first_rows: true, invalid_rows: true }),
  errors: ['csv_profile_invalid', ...fileErrors],
});

export const previewCsvContract = defineContract({
  channel: 'csv:preview',
  input: z.object({ profile: z.string(), file: csvFileInput, modifiers: csvFileInput.optional(), date: z.string().optional() }).strict(),
  output: csvPreview,
  errors: [...fileErrors],
});

export const uploadCsvContract = defineContract({
  channel: 'csv:upload',
  input: z
    .object({
      profile: z.string(),
      file: csvFileInput,
      modifiers: csvFileInput.optional(),
      date: z.string().optional(),
      mode: z.enum(csvUploadModes).optional(),
      skipInvalid: z.boolean().default(false),
    })
    .strict(),
  output: csvUploadView,
  errors: [...fileErrors, 'csv_file_already_uploaded', 'csv_days_already_posted'],
});

export const listUploadsContract = defineContract({
  channel: 'csv:uploads',
  input: empty,
  output: z.array(csvUploadView),
  errors: [],
});

export const revertUploadContract = defineContract({
  channel: 'csv:revert',
  input: z.object({ id: z.number().int().positive() }).strict(),
  output: csvUploadView,
  errors: ['csv_upload_not_found'],
});
