// The shell's gatekeeping rules, as plain functions so they are tested under Node.

/** Links from the page open in the system browser only when they are https. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The sign-in page: Lightspeed's https pages, or the demo's fake K-Series on this machine. */
export function isSignInUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost'));
  } catch {
    return false;
  }
}

/**
 * True when a frame shows our own renderer: the dev server's origin in development, the built
 * index.html otherwise. IPC from any other frame (an iframe, a page navigated to) is refused.
 */
export function isOwnRendererUrl(url: string, renderer: { devServerUrl?: string | undefined; entryUrl: string }): boolean {
  try {
    if (renderer.devServerUrl) return new URL(url).origin === new URL(renderer.devServerUrl).origin;
    return url.split('#')[0] === renderer.entryUrl;
  } catch {
    return false;
  }
}

/** A page of the Larder server this desktop is a window on: its origin only, never a page it links to. */
export function isServerPage(url: string, serverAddress: string): boolean {
  try {
    return new URL(url).origin === new URL(serverAddress).origin;
  } catch {
    return false;
  }
}
