import { call } from '../ipc/client';
import { useLive } from './use-live';

/**
 * The company's currency, for screens whose money carries none of its own (ledger, stock, receipts):
 * one company keeps its books in one currency, its locations'. Null until a location is known.
 */
export function useCurrency(): string | null {
  const info = useLive(
    () => call('app:info', {}),
    (event) => (event.type === 'lightspeed:changed' && event.what === 'locations') || event.type === 'sources:changed',
    [],
  );
  return info.data?.currency ?? null;
}
