import type { PolledSourceFacts } from '../sources/sales-day';

export const sidesFacts: PolledSourceFacts = { words: 'Sides', outageCode: 'sides_api_error' };
