/**
 * The one Content-Security-Policy of the renderer, as the web host sends it in a header. Mantine needs
 * inline styles; no inline or remote script is ever allowed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy as the built index.html carries it in a meta tag (Electron loads files, without
 * headers): less frame-ancestors, which browsers ignore in a meta tag and report as a console error
 * on every load. Nothing is lost: a file page is framed by no one, and the web host's header keeps it.
 */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
