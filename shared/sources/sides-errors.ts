// Sides POS' error codes, in the office manager's words; shared/errors.ts gathers every room's codes
// into the one catalog.
export const sidesErrors = {
  sides_integration_exists: {
    meaning: 'A Sides POS connection already exists for this company.',
    fix: 'Update its user name and password instead (Sales sources → Sides POS → Change credentials, or `sides connect --update`); stores, links, mappings and history stay.',
  },
  sides_not_connected: {
    meaning: 'Larder is not connected to Sides POS.',
    fix: 'Connect it first: Sales sources → Add Sides POS (or `sides connect`).',
  },
  sides_auth_failed: {
    meaning: 'Sides POS did not accept the user name and password.',
    fix: 'Check them in Sides (the account must be allowed to use the API), then enter them again under Sales sources → Sides POS. Nothing was changed.',
  },
  sides_unreachable: {
    meaning: 'Sides POS could not be reached.',
    fix: 'Check this computer’s internet connection and the Sides address; Larder retries transfers by itself.',
  },
  sides_rate_limited: {
    meaning: 'Sides POS asked Larder to slow down.',
    fix: 'Nothing to do: Larder waits as long as Sides asks and tries again.',
  },
  sides_store_not_found: {
    meaning: 'Sides POS does not know this store (any more).',
    fix: 'Sync the stores again; a store that is gone stays in Larder with its history, marked not seen.',
  },
  sides_api_error: {
    meaning: 'Sides POS answered with an error or something Larder cannot read.',
    fix: 'Try again later. If it keeps happening, save a diagnostics file (Settings) and send it to support.',
  },
} as const;
