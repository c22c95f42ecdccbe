import { describe, expect, it } from 'vitest';
import { refusal } from '../../../test/support/test-engine';
import { serverConfigOf } from './server-config';

describe('where a Larder server listens', () => {
  it('is loopback HTTP on 8080 by default, and behind a proxy when it names the address people open', () => {
    expect(serverConfigOf({}, {})).toEqual({ address: '127.0.0.1', port: 8080, origins: [], tls: null, behindProxy: false });
    expect(serverConfigOf({ origin: ['https://larder.example.com/'] }, {})).toMatchObject({ origins: ['https://larder.example.com'], behindProxy: true });
    expect(serverConfigOf({}, { LARDER_SERVER_LISTEN: '127.0.0.1:9000', LARDER_SERVER_ORIGIN: 'https://a.example, https://b.example' })).toMatchObject({
      port: 9000,
      origins: ['https://a.example', 'https://b.example'],
    });
  });

  it('serves HTTPS on a network address with its certificate and key, and names the address people open', () => {
    const config = serverConfigOf({ listen: '0.0.0.0:8443', cert: 'c.pem', key: 'k.pem', origin: ['https://larder.example.com:8443'] }, {});
    expect(config).toEqual({ address: '0.0.0.0', port: 8443, origins: ['https://larder.example.com:8443'], tls: { certFile: 'c.pem', keyFile: 'k.pem' }, behindProxy: false });
  });

  it('refuses plain HTTP off loopback, half a certificate, an http origin elsewhere, and a bad address', async () => {
    for (const [args, words] of [
      [{ listen: '0.0.0.0:8080', origin: ['https://larder.example.com'] }, 'in the clear'],
      [{ cert: 'c.pem' }, 'both the certificate'],
      [{ origin: ['http://larder.example.com'] }, 'over https'],
      [{ listen: '0.0.0.0:8443', cert: 'c.pem', key: 'k.pem' }, '--origin'],
      [{ listen: 'larder:http' }, 'HOST:PORT'],
    ] as const) {
      const refused = await refusal(() => serverConfigOf(args, {}));
      expect(refused.code).toBe('invalid_input');
      expect(refused.message).toContain(words);
    }
  });
});
