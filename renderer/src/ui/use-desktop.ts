import { call } from '../ipc/client';
import { useLive } from './use-live';

/**
 * Whether this is the desktop app, which posts each night by itself; the browser version runs nothing
 * on its own, so no screen of it may promise a nightly post. Null until known.
 */
export function useDesktop(): boolean | null {
  const info = useLive(() => call('app:info', {}), () => false, []);
  return info.data ? info.data.runtime === 'electron' : null;
}
