// Calls to the K-Series API. A 401 gets one token refresh and one retry (a token can die before its
// stated expiry); a second 401 means the connection itself is lost.
import { type ExchangeLimits, parseRetryAfter } from '../pos-exchange';
import { type HttpAnswer, LightspeedError, parseJsonAnswer, send, serverMessage, TEMPORARY_STATUSES } from './lightspeed-http';

export interface AccessTokenSource {
  accessToken(): Promise<string>;
  /** A fresh access token after `rejected` got a 401 (unless someone refreshed meanwhile). */
  afterRejection(rejected: string): Promise<string>;
}

export class LightspeedApi {
  constructor(
    private readonly tokens: AccessTokenSource,
    private readonly apiUrl: () => Promise<string>,
    private readonly now: () => number = Date.now,
    /** Read at each call, so a changed environment holds at once. */
    private readonly limits: () => ExchangeLimits = () => ({}),
  ) {}

  async get(path: string, query: Record<string, string | number | undefined> = {}): Promise<unknown> {
    return parseJsonAnswer(await this.fetch(path, query), path);
  }

  /** A successful answer, unread: for a caller that reads it later (a migration reading ahead). */
  async fetch(path: string, query: Record<string, string | number | undefined> = {}): Promise<HttpAnswer> {
    const url = new URL(path, await this.apiUrl());
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    const sent: string[] = [];
    try {
      return await this.fetchWith(url, sent);
    } catch (error) {
      // A server may echo the access token it was sent; these words reach the log and the screen.
      if (error instanceof LightspeedError) throw error.withoutSecrets(sent);
      throw error;
    }
  }

  private async fetchWith(url: URL, sent: string[]): Promise<HttpAnswer> {
    let token = await this.tokens.accessToken();
    sent.push(token);
    let answer = await this.call(url, token);
    if (answer.status === 401) {
      token = await this.tokens.afterRejection(token);
      sent.push(token);
      answer = await this.call(url, token);
      if (answer.status === 401) {
        throw new LightspeedError('lightspeed_auth_failed', `Lightspeed refused the access token: ${serverMessage(answer.text)}`, 401, false);
      }
    }
    if (answer.status < 200 || answer.status >= 300) {
      throw new LightspeedError(
        'lightspeed_api_error',
        `Lightspeed answered ${answer.status} for ${url.pathname}: ${serverMessage(answer.text)}`,
        answer.status,
        TEMPORARY_STATUSES.has(answer.status),
        parseRetryAfter(answer.headers.get('retry-after'), this.now()),
      );
    }
    return answer;
  }

  private call(url: URL, token: string) {
    return send(url.toString(), { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, this.limits());
  }
}
