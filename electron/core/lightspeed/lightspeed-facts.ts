import type { PolledSourceFacts } from '../sources/sales-day';

export const lightspeedFacts: PolledSourceFacts = { words: 'Lightspeed', outageCode: 'lightspeed_api_error' };
