// Lightspeed K-Series' error codes (its OAuth connection and its API), in the office manager's words;
// shared/errors.ts gathers every room's codes into the one catalog.
export const lightspeedErrors = {
  lightspeed_unknown_sale_type: {
    meaning: 'Lightspeed sent a sale of a type Larder does not know how to count yet. To deduct nothing wrongly, nothing of that day was posted.',
    fix: 'Send the diagnostics file (Settings) to support: the type is named in the transfer log. The day posts once Larder knows the type; run it again then.',
  },
  lightspeed_integration_exists: {
    meaning: 'A Lightspeed integration already exists for this company.',
    fix: 'Use Reauthorize on the existing connection instead of connecting again.',
  },
  lightspeed_oauth_exchange_failed: {
    meaning: 'The authorization code could not be exchanged for tokens.',
    fix: 'Start Connect again; the code is valid only once and for a few minutes.',
  },
  lightspeed_not_configured: {
    meaning: 'Lightspeed OAuth is not configured correctly.',
    fix: 'Enter the client id and secret under Connection and check the environment.',
  },
  lightspeed_not_connected: {
    meaning: 'Lightspeed is not connected yet.',
    fix: 'Connect Lightspeed under Connection first.',
  },
  oauth_state_mismatch: {
    meaning: 'The answer from Lightspeed did not belong to the connection you started, so it was ignored.',
    fix: 'Start Connect again and finish it in the browser window it opens.',
  },
  oauth_issuer_mismatch: {
    meaning: 'The answer to the sign-in came from another server than the Lightspeed environment Larder is set up for, so it was not used.',
    fix: 'Check the environment (or the custom URLs) under Connection, then start Connect again.',
  },
  oauth_denied: {
    meaning: 'Access was not granted in Lightspeed.',
    fix: 'Start Connect again and click Authorize on the Lightspeed page.',
  },
  oauth_timeout: {
    meaning: 'Nobody finished the Lightspeed sign-in within 5 minutes.',
    fix: 'Start Connect again.',
  },
  oauth_flow_not_found: {
    meaning: 'There is no sign-in waiting for that address (it expired or was used).',
    fix: 'Start Connect again, then paste the address you are sent to.',
  },
  lightspeed_auth_failed: {
    meaning: 'Lightspeed authentication failed.',
    fix: 'Reauthorize Lightspeed under Connection.',
  },
  lightspeed_api_error: {
    meaning: 'The Lightspeed API returned an error.',
    fix: 'Read the message; try again later if Lightspeed is having trouble.',
  },
  disconnected: {
    meaning: 'Lightspeed no longer accepts Larder’s sign-in (the refresh token is invalid), so reauthorization is required.',
    fix: 'Open Connection and click Reauthorize. Mappings, logs and the ledger are kept.',
  },
  token_refresh_failed: {
    meaning: 'Renewing the Lightspeed sign-in failed because of an authorization or server error.',
    fix: 'Click Test connection in a few minutes; if it keeps failing, click Reauthorize.',
  },
  lightspeed_no_offline_access: {
    meaning: 'Lightspeed signed Larder in but gave no refresh token, so the connection would end within minutes.',
    fix: 'Ask for the offline_access scope to be enabled for this API client (or grant it on the sign-in page), then connect again.',
  },
} as const;
