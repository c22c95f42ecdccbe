// The CSV upload's error codes (profiles, files, uploads), in the office manager's words;
// shared/errors.ts gathers every room's codes into the one catalog.
export const csvErrors = {
  csv_profile_invalid: {
    meaning: 'The CSV profile is not one Larder can use: a setting is missing, unknown or of the wrong kind.',
    fix: 'Correct the named setting; the README lists every setting of a CSV profile and its values.',
  },
  csv_unreadable: {
    meaning: 'The file could not be read as CSV with this profile (its encoding, quotes or delimiter do not fit).',
    fix: 'Check the profile’s encoding, delimiter and quote character against the file, or export the file again.',
  },
  csv_column_ambiguous: {
    meaning: 'The file has two or more columns of the name a profile setting uses, so Larder cannot tell which is meant.',
    fix: 'Rename one of them in the till’s export, or untick “The first row holds the column names” and name the column by its position.',
  },
  csv_column_missing: {
    meaning: 'A column the profile names is not in the file.',
    fix: 'Pick the right column in the profile (by its header text, or by position when the file has no header).',
  },
  csv_row_invalid: {
    meaning: 'Some rows of the file cannot be read: a quantity, date, code or location that does not fit the profile.',
    fix: 'Correct those rows in the file, fix the profile, or post with “skip invalid rows” to leave them out (the log lists them).',
  },
  csv_file_too_large: {
    meaning: 'The file is larger than 200 MB.',
    fix: 'Export a shorter period (for example one month at a time) and upload each file.',
  },
  csv_file_already_uploaded: {
    meaning: 'This exact file was uploaded before.',
    fix: 'Nothing to do: its sales are in the ledger. Revert the earlier upload first if it must be posted again.',
  },
  csv_days_already_posted: {
    meaning: 'An earlier upload already posted sales for some of these locations and days.',
    fix: 'Choose “replace” to post this file instead of the earlier one for those days, or “add” if this file holds other sales of the same days.',
  },
  csv_profile_not_found: {
    meaning: 'There is no CSV profile of that name.',
    fix: 'Save the profile first (Sales sources → CSV profiles, or `csv profile save`), or pick one from `csv profile list`.',
  },
  csv_preset_not_found: {
    meaning: 'There is no preset of that id.',
    fix: 'Take the id from `csv presets` (for example square-items-detail).',
  },
  csv_preset_not_recognised: {
    meaning: 'The file’s header is not one of the till exports Larder knows.',
    fix: 'Export the item-level sales report the README’s preset table names, or set up a profile of your own for this file.',
  },
  csv_preset_read_beside: {
    meaning: 'This export is read beside another one (Toast’s modifiers beside its items), not on its own.',
    fix: 'Make the profile from the item export, then give this file as its modifier file when uploading (`--modifiers`, or “Modifier file” on Upload sales).',
  },
  csv_upload_not_found: {
    meaning: 'There is no upload with that id.',
    fix: 'Take the id from the list of uploads.',
  },
} as const;
