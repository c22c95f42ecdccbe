// Every error code Larder answers with, its meaning and the fix, in the office manager's words.
// Codes from the product we replace keep their names; the screens show `meaning` and `fix`.
import { csvErrors } from './sources/csv-errors';
import { lightspeedErrors } from './sources/lightspeed-errors';
import { sidesErrors } from './sources/sides-errors';

export interface CatalogEntry {
  meaning: string;
  fix: string;
}

/** The codes every part of Larder shares; each sales source's own codes are in shared/sources/<kind>-errors.ts. */
const sharedErrors = {
  invalid_input: {
    meaning: 'The request was incomplete or had a value of the wrong kind.',
    fix: 'Check the highlighted fields and try again.',
  },
  internal_error: {
    meaning: 'Something went wrong inside Larder. Nothing was changed.',
    fix: 'Try again. If it keeps happening, use Settings → Save a diagnostics file and send that file to support.',
  },
  disk_full: {
    meaning: 'The disk that holds Larder’s data folder is full. Nothing was saved, and nothing already saved was lost.',
    fix: 'Free some space on that disk (empty the recycle bin, move large files), then try again.',
  },
  data_folder_read_only: {
    meaning: 'Larder cannot write to its data folder: it is read-only, on a locked drive, or belongs to another user. Nothing was saved.',
    fix: 'Make the data folder shown in Settings writable for your user (or move it back to a local disk), then try again.',
  },
  unauthorized_company_access: {
    meaning: 'The object belongs to another company than the one you are working in.',
    fix: 'Switch to the company that owns it, or choose one of this company’s objects.',
  },
  storage_unit_not_found: {
    meaning: 'That storage unit does not exist (it may have been deleted).',
    fix: 'Pick an existing storage unit, or create it under Inventory → Storage units.',
  },
  storage_unit_company_mismatch: {
    meaning: 'The selected storage unit belongs to another company.',
    fix: 'Choose a storage unit of this company.',
  },
  storage_unit_name_taken: {
    meaning: 'Another storage unit already has this name.',
    fix: 'Use a different name, or edit the existing storage unit.',
  },
  storage_unit_in_use: {
    meaning: 'The storage unit has ledger entries or is linked to a location, so it cannot be deleted.',
    fix: 'Keep it, or rename it. Its history must stay in the ledger.',
  },
  storage_unit_required: {
    meaning: 'A storage unit must be linked before activation or transfer.',
    fix: 'Open the location and link a storage unit, then click Save.',
  },
  location_has_no_storage_unit: {
    meaning: 'The transfer cannot run because the location has no storage unit.',
    fix: 'Link a storage unit to the location first.',
  },
  ingredient_not_found: {
    meaning: 'The selected ingredient does not exist for this company.',
    fix: 'Pick an existing ingredient, or create it under Inventory → Ingredients.',
  },
  ingredient_name_taken: {
    meaning: 'Another ingredient already has this name.',
    fix: 'Use a different name, or edit the existing ingredient.',
  },
  ingredient_in_use: {
    meaning: 'The ingredient is used by a recipe or has ledger entries, so it cannot be deleted.',
    fix: 'Remove it from the recipes that use it first; ingredients with ledger history are kept.',
  },
  recipe_not_found: {
    meaning: 'The selected recipe does not exist for this company.',
    fix: 'Pick an existing recipe, or create it under Inventory → Recipes.',
  },
  recipe_name_taken: {
    meaning: 'Another recipe already has this name.',
    fix: 'Use a different name, or edit the existing recipe.',
  },
  recipe_in_use: {
    meaning: 'Another recipe or a POS mapping uses this recipe, so it cannot be deleted.',
    fix: 'Remove it from those recipes and mappings first.',
  },
  recipe_cycle: {
    meaning: 'Recipes refer to each other in a circle, so their ingredients cannot be worked out.',
    fix: 'Remove the line that makes a recipe contain itself (directly or through other recipes).',
  },
  unit_not_convertible: {
    meaning: 'The quantity’s unit does not convert to the ingredient’s unit: neither of one family (kg and g, l and ml) nor one of the ingredient’s own units (case, bottle).',
    fix: 'Type the quantity in the ingredient’s unit, or add the unit to the ingredient (Inventory → the ingredient → Units, or `ingredient unit add`).',
  },
  unit_in_use: {
    meaning: 'Recipe lines or mappings are written in this unit, so it cannot be taken away.',
    fix: 'Change those recipe lines and mappings to another unit first.',
  },
  invalid_trim_pct: {
    meaning: 'A trim percentage must be at least 0 and below 100.',
    fix: 'Enter the share that is trimmed away, for example 10 for 10 %.',
  },
  invalid_yield: {
    meaning: 'A recipe yield must be a number above 0.',
    fix: 'Enter how many portions or units one batch makes, for example 1 or 12.',
  },
  invalid_quantity: {
    meaning: 'The quantity is not a positive number with at most 6 decimals.',
    fix: 'Enter a quantity such as 0.25 (use a dot for decimals).',
  },
  invalid_value: {
    meaning: 'The value is not a number of at least 0 with at most 4 decimals.',
    fix: 'Enter the total value such as 180.00 (use a dot for decimals).',
  },
  date_required: {
    meaning: 'No date was provided.',
    fix: 'Pick a date.',
  },
  invalid_date_format: {
    meaning: 'The date format is invalid.',
    fix: 'Use YYYY-MM-DD (2026-05-07) or DD.MM.YYYY (07.05.2026).',
  },
  count_exists: {
    meaning: 'This storage unit already has a count at that moment.',
    fix: 'Open that count and go on with it, or start the new one at another time.',
  },
  count_not_found: {
    meaning: 'There is no count with that id.',
    fix: 'Take the id from the list of counts (or the answer of `count start`).',
  },
  count_finished: {
    meaning: 'The count is finished: its figures are posted.',
    fix: 'Reopen it to change what was counted; finishing it again replaces its entries.',
  },
  count_changed: {
    meaning: 'The count was saved elsewhere (another tab or device) after this sheet was opened.',
    fix: 'Look at the figures it now holds (named in the message), then save again: the sheet has been reloaded.',
  },
  count_not_finished: {
    meaning: 'The count is still a draft, so it says nothing about the stock yet.',
    fix: 'Finish the count first (what was not counted stays out of it).',
  },
  sales_source_not_found: {
    meaning: 'There is no sales source of that name.',
    fix: 'Use the name shown under Sales sources (or in `items list`), such as "Lightspeed K-Series" or a CSV profile’s name.',
  },
  ledger_entry_not_found: {
    meaning: 'There is no ledger entry with that id.',
    fix: 'Take the id from the ledger list (larder ledger, or the Ledger screen).',
  },
  receipt_not_found: {
    meaning: 'That receipt does not exist (it may have been deleted).',
    fix: 'Refresh the receipt list.',
  },
  receipt_reference_taken: {
    meaning: 'Another receipt already has this reference.',
    fix: 'Use the invoice number once per receipt, or leave the reference empty.',
  },
  setup_file_invalid: {
    meaning: 'The setup file has a fault; nothing from it was imported.',
    fix: 'Correct the entry and field named in the message, then import the file again.',
  },
  secret_storage_unavailable: {
    meaning: 'This computer offers no way to encrypt the Lightspeed tokens.',
    fix: 'Sign in to the desktop session with a keyring (Linux) or use a normal user account, then restart Larder.',
  },
  secret_storage_weak: {
    meaning: 'The only encryption available here is a weak one (Linux "basic_text").',
    fix: 'Set up a keyring such as GNOME Keyring or KWallet, or accept the weak storage explicitly in Settings.',
  },
  secret_backend_mismatch: {
    meaning: 'The stored tokens were encrypted on another computer or by another method and cannot be opened here.',
    fix: 'Reauthorize Lightspeed to store fresh tokens.',
  },
  secret_corrupted: {
    meaning: 'The stored tokens are damaged and cannot be opened.',
    fix: 'Reauthorize Lightspeed to store fresh tokens.',
  },
  secret_key_invalid: {
    meaning: 'The key file that protects the stored tokens is damaged.',
    fix: 'Reauthorize Lightspeed; Larder will create a new key.',
  },
  secret_not_found: {
    meaning: 'No token is stored yet.',
    fix: 'Connect Lightspeed.',
  },
  invalid_larder_now: {
    meaning: 'LARDER_NOW is set but is not an ISO-8601 instant.',
    fix: 'Use a value such as 2026-05-08T10:00:00Z, or unset LARDER_NOW.',
  },
  session_token_invalid: {
    meaning: 'This browser tab is no longer connected to Larder (Larder was restarted).',
    fix: 'Open the address that `npm run web` printed when it started.',
  },
  unknown_command: {
    meaning: 'The command is not one Larder knows.',
    fix: 'Run `npm run cli -- help` for the list.',
  },
  file_unreadable: {
    meaning: 'The file could not be read.',
    fix: 'Check the path, and that the file is there and readable by you.',
  },
  item_not_found: {
    meaning: 'No synced Lightspeed item has that id, SKU or name.',
    fix: 'Sync items, then use the item id, the SKU or the exact name shown in the item list.',
  },
  item_ambiguous: {
    meaning: 'Several synced items match that SKU or name.',
    fix: 'Use the item id instead.',
  },
  rename_not_found: {
    meaning: 'That rename was reviewed already, or never found.',
    fix: 'Reload the Items screen; the renames still to review are listed there.',
  },
  reprocess_running: {
    meaning: 'Days are being reprocessed already.',
    fix: 'Wait for that run to finish or cancel it, then try again.',
  },
  location_not_found: {
    meaning: 'No synced Lightspeed location has that id.',
    fix: 'Sync locations, then use the location id shown in the list.',
  },
  date_not_closed: {
    meaning: 'That business day has not ended yet at the location, so its sales are not final.',
    fix: 'Pick an earlier day; today can be transferred tomorrow.',
  },
  pos_returned_no_sales: {
    meaning: 'The POS sent no sales for a day that has sales in Larder. Larder kept the day as it was: a till that lost its sales is likelier than a day that sold nothing after all.',
    fix: 'Check the day in the POS. If it really sold nothing, run the day again and confirm replacing its sales with none (on the command line: --replace-with-empty).',
  },
  transfer_in_progress: {
    meaning: 'That day of that location is being transferred right now (by the nightly run, a migration or another window).',
    fix: 'Wait a moment and look at the transfer log; try again if it failed.',
  },
  no_locations: {
    meaning: 'No Lightspeed locations are synced yet.',
    fix: 'Sync locations first.',
  },
  transfer_failed: {
    meaning: 'A day’s POS sales could not be posted to the ledger.',
    fix: 'Open the transfer log for the reason, fix it, then run the day again by hand.',
  },
  max_retries_exhausted: {
    meaning: 'The transfer failed after all retry attempts.',
    fix: 'Check the connection and run the day again by hand.',
  },
  time_zone_required: {
    meaning: 'The POS names no time zone for this location, and its business days must be taken in the right one.',
    fix: 'Open the location, set its time zone (for example Europe/Vienna), then activate it.',
  },
  location_not_activated: {
    meaning: 'The location must be activated first.',
    fix: 'Open the location and activate it.',
  },
  migration_failed: {
    meaning: 'A location’s 90-day migration ended with days that could not be posted.',
    fix: 'Open the location to see which days failed and why; the nightly run retries them and the migration completes when they are posted.',
  },
  migration_already_in_progress: {
    meaning: 'A migration is already pending or running.',
    fix: 'Wait for it to finish, or cancel it first.',
  },
  database_damaged: {
    meaning: 'Larder’s database file is damaged (it is not a database, fails its check, or could not be brought up to date). Larder has not changed it.',
    fix: 'Restore the newest verified backup (Larder offers it). The damaged file is kept beside it for support.',
  },
  database_missing: {
    meaning: 'Larder’s database file is missing from a data folder where Larder has run before (its log, settings, key or backups are there).',
    fix: 'Restore the newest verified backup, or put larder.db back. Only if you mean to start again with no data: npm run cli -- init.',
  },
  backup_not_found: {
    meaning: 'There is no backup file at that place.',
    fix: 'Pick a backup from the list (Settings → Backups, or npm run cli -- backup list).',
  },
  backup_damaged: {
    meaning: 'The backup file fails its check (it is incomplete, changed since it was written, or not a Larder backup). Nothing was restored.',
    fix: 'Pick an older verified backup.',
  },
  backup_too_new: {
    meaning: 'The backup was written by a newer version of Larder than this one. Nothing was restored.',
    fix: 'Install the newest Larder, then restore it.',
  },
  backup_failed: {
    meaning: 'Larder could not write or verify a backup in the backup folder. The database itself is unchanged.',
    fix: 'Check that the backup folder in Settings exists, is writable and has space (a network share must be connected), then try again.',
  },
  database_unreachable: {
    meaning: 'Larder could not open its PostgreSQL database (Settings → Database or LARDER_DATABASE_URL): the server did not answer, refused the sign-in, or is older than PostgreSQL 15. Nothing was changed.',
    fix: 'Check the address and password, that the server runs and accepts this computer and user, then try again (larder db server set, or Settings → Database).',
  },
  sqlite_only: {
    meaning: 'Larder keeps its data on a PostgreSQL server here; backups, restores and exports of the data folder are for the database Larder keeps on this PC.',
    fix: 'Back up the server with pg_dump (or the backups your database host takes); see the README, “PostgreSQL”.',
  },
  confirmation_required: {
    meaning: 'This replaces data, so Larder showed what it would do and changed nothing.',
    fix: 'Read the preview; run the command again with --yes to go ahead.',
  },
  export_invalid: {
    meaning: 'The file is not a Larder export, or part of it is missing or damaged. Nothing was imported.',
    fix: 'Use a larder-export-….zip file written by Larder’s export, as it was written.',
  },
  user_login_taken: {
    meaning: 'Someone already signs in with this name. Nothing was changed.',
    fix: 'Choose another sign-in name (a first name with an initial, or an e-mail address).',
  },
  user_not_found: {
    meaning: 'Nobody signs in with this name here.',
    fix: 'Check the spelling (larder users list shows everyone).',
  },
  password_rejected: {
    meaning: 'The password is too short or too long. Nothing was changed.',
    fix: 'Choose 10 to 200 characters: a few words in a row are easy to remember and hard to guess.',
  },
  role_needs_scope: {
    meaning: 'A manager or viewer works for locations, a counter for storage units: this one was given none. Nothing was changed.',
    fix: 'Name the locations (--location) or storage units (--storage-unit) the person works for.',
  },
  forbidden: {
    meaning: 'This is not part of what your role does in Larder, so nothing was read or changed.',
    fix: 'Ask the group’s owner, who decides who does what (larder users set-role).',
  },
  sign_in_failed: {
    meaning: 'The name and password do not match (Larder does not say which was wrong).',
    fix: 'Check both and try again; after 5 wrong tries the name is locked for 15 minutes.',
  },
  account_locked: {
    meaning: 'Too many wrong passwords were tried for this name, so signing in with it is paused.',
    fix: 'Wait until the time named, or ask the owner to reset the password (larder users reset-password).',
  },
  not_signed_in: {
    meaning: 'This browser is not signed in to the Larder server (or was signed out: the session went idle, or the password changed).',
    fix: 'Sign in again with your name and password.',
  },
  too_many_attempts: {
    meaning: 'Too many sign-ins were tried from this device in a short time, so Larder is pausing them.',
    fix: 'Wait a few minutes and try again; if nobody here was trying, tell the owner.',
  },
  last_owner: {
    meaning: 'This is the group’s only owner; without one, nobody could manage the people. Nothing was changed.',
    fix: 'Make someone else owner first, then change this person’s role.',
  },
  import_needs_empty_larder: {
    meaning: 'An export is imported only into an empty Larder, so nothing already here is mixed with it. Nothing was imported.',
    fix: 'Import into a new data folder (set LARDER_HOME to an empty folder), or restore a backup instead.',
  },
} as const satisfies Record<string, CatalogEntry>;

export const errorCatalog = { ...sharedErrors, ...lightspeedErrors, ...sidesErrors, ...csvErrors } as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof errorCatalog;

export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalog, code);
}

/** The meaning and fix of a code that may come from outside the catalog (a log, an alert); null if it is unknown. */
export function catalogEntry(code: string): CatalogEntry | null {
  return isErrorCode(code) ? errorCatalog[code] : null;
}
