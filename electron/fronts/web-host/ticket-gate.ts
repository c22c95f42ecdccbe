// The web host on this PC (`npm run web`): one person, whoever holds the run's ticket.
//
// The browser gets the session cookie from an address with a ticket, which the gate exchanges once
// and forgets: the session itself never appears on a command line (the browser is opened with
// `xdg-open ADDRESS`, which every local user can read in the process list), in the address bar or in
// the browser's history. The address printed on the terminal carries a ticket of its own that may be
// used again during this run, so a closed tab can be reopened from it.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch } from '../ipc/dispatch';
import { cookieValue, HttpError, sameToken, sendJson } from './http-parts';
import type { Gate } from './web-host';

export const TICKET_PATH = '/open';

export interface TicketGate extends Gate {
  /**
   * An address that signs a browser in: `once` for the browser Larder opens itself (its command
   * line is public), reusable for the one printed on the terminal.
   */
  signInUrl(options: { once: boolean }): string;
}

export function ticketGate(dispatch: Dispatch): TicketGate {
  const session = randomBytes(32).toString('hex');
  /** Ticket → whether it may be used again. */
  const tickets = new Map<string, boolean>();
  let origin = '';
  // Cookies are per host, not per port: a name of this port's own keeps two Larders apart.
  let cookieName = 'larder_session';
  return {
    opened(address) {
      origin = address;
      cookieName = `larder_session_${new URL(address).port}`;
    },
    async answer(request: IncomingMessage, response: ServerResponse, url: URL) {
      // Who is signed in: nobody by name, this PC's one user (the screens then show everything).
      if (url.pathname === '/session' && request.method === 'GET') {
        if (!sameToken(cookieValue(request, cookieName), session)) throw new HttpError(401, 'This tab is not connected to the running Larder.', 'session_token_invalid');
        sendJson(response, 200, { ok: true, data: null });
        return true;
      }
      if (url.pathname !== TICKET_PATH) return false;
      const ticket = url.searchParams.get('ticket') ?? '';
      const reusable = tickets.get(ticket);
      if (reusable === undefined) throw new HttpError(401, 'This sign-in address was already used or is not from this Larder. Open the address `npm run web` printed.');
      if (!reusable) tickets.delete(ticket);
      response.writeHead(303, {
        location: '/',
        'set-cookie': `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      response.end();
      return true;
    },
    async doorOf(request) {
      return sameToken(cookieValue(request, cookieName), session) ? { dispatch, sees: () => true } : null;
    },
    signInUrl({ once }) {
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, !once);
      return `${origin}${TICKET_PATH}?ticket=${ticket}`;
    },
  };
}
