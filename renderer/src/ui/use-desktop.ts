import { call } from '../ipc/client';
import { useLive } from './use-live';

/** The desktop app and a Larder server post each night by themselves; `npm run web` runs nothing on its own. */
export const postsNightly = (runtime: string): boolean => runtime === 'electron' || runtime === 'server';

/** Whether this Larder posts each night by itself, so a screen may promise a nightly post. Null until known. */
export function useDesktop(): boolean | null {
  const info = useLive(() => call('app:info', {}), () => false, []);
  return info.data ? postsNightly(info.data.runtime) : null;
}
