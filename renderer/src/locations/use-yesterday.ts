import { call } from '../ipc/client';
import { useLive } from '../ui/use-live';

/**
 * A location's last closed business day, as main's clock and the location's zone make it (never this
 * PC's date): the latest day a picker offers and the end of a default range. Null until known.
 */
export function useYesterday(businessLocationId: string | null): string | null {
  const overview = useLive(() => (businessLocationId ? call('locations:overview', { businessLocationId }) : Promise.resolve(null)), () => false, [businessLocationId]);
  return overview.data?.yesterday ?? null;
}
