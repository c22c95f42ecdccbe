// A Larder server's sign-in (issue 32): people sign in with their name and password and get a session
// cookie (HttpOnly, SameSite=Strict, and Secure with its __Host- name when browsers reach the server
// over https); every call then goes through their own door (ipc/person-dispatch.ts). Signing in is
// limited twice: per name (people/sessions.ts locks it after 5 wrong passwords) and per address here
// (too many attempts from one device, whichever names they try).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { passwordChangeRequest, sessionView, signInRequest, type SessionView } from '../../../shared/model/people';
import { asDomainError } from '../../core/domain-error';
import type { CompanyScope } from '../../core/db/company';
import { changeOwnPassword, sessionUser, signIn, signOut, type SessionUser } from '../../core/people/sessions';
import type { Dispatch } from '../ipc/dispatch';
import { cookieValue, HttpError, readBody, sendJson } from './http-parts';
import type { Gate } from './web-host';

const SESSION_PATH = '/session';
/** Sign-in attempts one address may make in ATTEMPT_WINDOW_MS, right or wrong. */
export const MAX_ATTEMPTS = 20;
const ATTEMPT_WINDOW_MS = 10 * 60_000;
const MAX_SIGN_IN_BYTES = 4096;

export interface PeopleGateOptions {
  scope: CompanyScope;
  now: () => Date;
  idleMinutes: () => number;
  /** The door of one signed-in person. */
  dispatchFor: (person: SessionUser) => Dispatch;
  /**
   * Listening on loopback behind a reverse proxy: the device's address is the last one the proxy
   * adds to X-Forwarded-For (anything before it is the device's own say).
   */
  behindProxy: boolean;
}

const STATUS: Partial<Record<string, number>> = { sign_in_failed: 401, account_locked: 423, password_rejected: 400, invalid_input: 400 };

function deviceOf(request: IncomingMessage, behindProxy: boolean): string {
  const forwarded = behindProxy ? String(request.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : undefined;
  return forwarded || request.socket.remoteAddress || 'unknown';
}

async function parsed<T extends z.ZodType>(request: IncomingMessage, schema: T): Promise<z.output<T>> {
  const body = schema.safeParse(await readBody(request, MAX_SIGN_IN_BYTES));
  if (!body.success) throw new HttpError(400, 'Type your sign-in name and password.', 'invalid_input');
  return body.data;
}

const viewOf = (user: SessionUser): SessionView =>
  sessionView.parse({ login: user.login, name: user.name, role: user.role, locations: user.locations, storage_units: user.storageUnits });

export function peopleGate(options: PeopleGateOptions): Gate {
  let cookieName = 'larder_session';
  let secure = false;
  /** Device address → when its recent attempts were (ms). */
  const attempts = new Map<string, number[]>();

  function cookie(token: string, maxAgeSeconds?: number): string {
    return [`${cookieName}=${token}`, 'HttpOnly', 'SameSite=Strict', 'Path=/', ...(secure ? ['Secure'] : []), ...(maxAgeSeconds === undefined ? [] : [`Max-Age=${maxAgeSeconds}`])].join('; ');
  }

  function countAttempt(request: IncomingMessage): void {
    const device = deviceOf(request, options.behindProxy);
    const now = options.now().getTime();
    const recent = (attempts.get(device) ?? []).filter((at) => at > now - ATTEMPT_WINDOW_MS);
    if (recent.length >= MAX_ATTEMPTS) throw new HttpError(429, 'Too many sign-ins from this device: wait ten minutes and try again.', 'too_many_attempts');
    recent.push(now);
    attempts.set(device, recent);
    // Forgets quiet devices, so a scan of many addresses cannot grow the map without end.
    if (attempts.size > 10_000) for (const [key, times] of attempts) if (times.every((at) => at <= now - ATTEMPT_WINDOW_MS)) attempts.delete(key);
  }

  async function person(request: IncomingMessage): Promise<SessionUser | null> {
    const token = cookieValue(request, cookieName);
    return token ? await sessionUser(options.scope, token, options.now().toISOString(), options.idleMinutes()) : null;
  }

  function refused(response: ServerResponse, error: unknown): void {
    const known = asDomainError(error);
    if (!known) throw error;
    sendJson(response, STATUS[known.code] ?? 400, { ok: false, error: { code: known.code, message: known.message } });
  }

  return {
    opened(origin) {
      secure = new URL(origin).protocol === 'https:';
      // __Host-: the browser keeps it only from a secure page, for this host, for every path.
      cookieName = secure ? '__Host-larder_session' : 'larder_session';
    },
    async answer(request, response, url) {
      if (url.pathname !== SESSION_PATH && !url.pathname.startsWith(`${SESSION_PATH}/`)) return false;
      const action = `${request.method} ${url.pathname}`;
      if (action === `GET ${SESSION_PATH}`) {
        const user = await person(request);
        if (!user) throw new HttpError(401, 'Not signed in.', 'not_signed_in');
        sendJson(response, 200, { ok: true, data: viewOf(user) });
      } else if (action === `POST ${SESSION_PATH}/sign-in`) {
        countAttempt(request);
        const { login, password } = await parsed(request, signInRequest);
        try {
          const { token, user } = await signIn(options.scope, login, password, options.now().toISOString());
          sendJson(response, 200, { ok: true, data: viewOf(user) }, { 'set-cookie': cookie(token) });
        } catch (error) {
          refused(response, error);
        }
      } else if (action === `POST ${SESSION_PATH}/sign-out`) {
        const token = cookieValue(request, cookieName);
        if (token) await signOut(options.scope, token);
        sendJson(response, 200, { ok: true, data: null }, { 'set-cookie': cookie('', 0) });
      } else if (action === `POST ${SESSION_PATH}/password`) {
        const token = cookieValue(request, cookieName);
        if (!token || !(await person(request))) throw new HttpError(401, 'Not signed in.', 'not_signed_in');
        countAttempt(request);
        const { current, password } = await parsed(request, passwordChangeRequest);
        try {
          const fresh = await changeOwnPassword(options.scope, token, current, password, options.now().toISOString());
          sendJson(response, 200, { ok: true, data: null }, { 'set-cookie': cookie(fresh.token) });
        } catch (error) {
          refused(response, error);
        }
      } else {
        throw new HttpError(404, 'Not found.');
      }
      return true;
    },
    async doorOf(request) {
      const user = await person(request);
      if (!user) return null;
      return {
        dispatch: options.dispatchFor(user),
        // Events naming a location go to its people only; the rest say only that something changed.
        sees: (event) => user.role === 'owner' || !('businessLocationId' in event) || user.locations.includes(event.businessLocationId),
      };
    },
  };
}
