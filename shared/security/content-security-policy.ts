/**
 * The one Content-Security-Policy of the renderer: the built index.html carries it as a meta tag
 * (Electron loads files, no headers) and the web host also sends it as a header. Mantine needs
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
