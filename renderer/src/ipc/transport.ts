// How the renderer reaches main: Electron's preload bridge when there is one, otherwise HTTP to the
// web host (this PC, `npm run web`) or a Larder server (`npm run server`), signed in by a session
// cookie the host set (HttpOnly: this code never sees it).
import type { IpcChannel } from '../../../shared/ipc/channels';
import { EVENT_CHANNEL } from '../../../shared/ipc/channels';
import type { IpcError, IpcResult } from '../../../shared/ipc/contract';
import type { LarderEvent } from '../../../shared/model/events';
import { sessionView, type SessionView } from '../../../shared/model/people';

/** Who uses these screens: this PC's one user (everything), a signed-in person of a server, or nobody yet. */
export type Session = { kind: 'local' } | { kind: 'person'; person: SessionView } | { kind: 'signed-out' };

export interface Transport {
  invoke(channel: IpcChannel, input: unknown): Promise<IpcResult<unknown>>;
  onEvent(listener: (event: LarderEvent) => void): () => void;
  session(): Promise<Session>;
  /** A Larder server's sign-in: the person, or the refusal (sign_in_failed, account_locked, too_many_attempts). */
  signIn(login: string, password: string): Promise<IpcResult<SessionView>>;
  signOut(): Promise<void>;
  changePassword(current: string, password: string): Promise<IpcResult<null>>;
  /** Told when a call finds the session gone (idle, signed out elsewhere, password changed). */
  onSignedOut(listener: () => void): void;
}

const signedOutListeners = new Set<() => void>();
const EVENTS_RETRY_MS = 3000;

async function post(path: string, body: unknown): Promise<Response> {
  return await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
}

/** The host's refusal in its own words when it gave them (JSON), else the status. */
async function refusalOf(response: Response): Promise<IpcError> {
  const body = (await response.json().catch(() => null)) as { error?: IpcError } | null;
  return body?.error ?? { code: 'internal_error', message: `Larder answered ${response.status}.` };
}

function httpTransport(): Transport {
  let server = false;
  return {
    async invoke(channel, input) {
      const response = await post(`/ipc/${encodeURIComponent(channel)}`, input);
      if (response.status === 401) {
        if (server) for (const listener of signedOutListeners) listener();
        return server
          ? { ok: false, error: await refusalOf(response) }
          : { ok: false, error: { code: 'session_token_invalid', message: 'This tab is not connected to the running Larder.' } };
      }
      if (!response.ok) return { ok: false, error: await refusalOf(response) };
      return (await response.json()) as IpcResult<unknown>;
    },
    onEvent(listener) {
      // A browser gives up on an event stream the host refused (401 before signing in, a restart of the
      // host mid-answer) and never tries again by itself: this one does, every few seconds, until closed.
      let source: EventSource | null = null;
      let retry: ReturnType<typeof setTimeout> | undefined;
      let closed = false;
      const open = () => {
        source = new EventSource('/events');
        source.addEventListener(EVENT_CHANNEL, (message: MessageEvent<string>) => listener(JSON.parse(message.data) as LarderEvent));
        source.addEventListener('error', () => {
          if (closed || source?.readyState !== EventSource.CLOSED) return;
          retry = setTimeout(open, EVENTS_RETRY_MS);
        });
      };
      open();
      return () => {
        closed = true;
        clearTimeout(retry);
        source?.close();
      };
    },
    async session() {
      const response = await fetch('/session');
      if (response.status === 401) {
        server = (await refusalOf(response)).code === 'not_signed_in';
        return server ? { kind: 'signed-out' } : { kind: 'local' };
      }
      const body = (await response.json()) as { data: unknown };
      if (body.data === null) return { kind: 'local' };
      server = true;
      return { kind: 'person', person: sessionView.parse(body.data) };
    },
    async signIn(login, password) {
      const response = await post('/session/sign-in', { login, password });
      if (!response.ok) return { ok: false, error: await refusalOf(response) };
      return { ok: true, data: sessionView.parse(((await response.json()) as { data: unknown }).data) };
    },
    async signOut() {
      await post('/session/sign-out', {});
    },
    async changePassword(current, password) {
      const response = await post('/session/password', { current, password });
      return response.ok ? { ok: true, data: null } : { ok: false, error: await refusalOf(response) };
    },
    onSignedOut(listener) {
      signedOutListeners.add(listener);
    },
  };
}

/** Electron's window: this PC's own Larder, whose one user does everything. */
function bridgeTransport(bridge: Pick<Transport, 'invoke' | 'onEvent'>): Transport {
  const local: IpcResult<never> = { ok: false, error: { code: 'invalid_input', message: 'This Larder has no sign-in: it is this computer’s own.' } };
  return {
    ...bridge,
    session: async () => ({ kind: 'local' }),
    signIn: async () => local,
    signOut: async () => undefined,
    changePassword: async () => local,
    onSignedOut: () => undefined,
  };
}

export const transport: Transport = window.larder ? bridgeTransport(window.larder) : httpTransport();
