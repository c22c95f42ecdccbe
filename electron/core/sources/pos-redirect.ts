/**
 * Where a POS answered with a redirect, or null. Larder follows no redirect from a POS (a token or a
 * password would travel with it to wherever it points), and says so with the address, instead of the
 * "could not be reached (TypeError)" a refused redirect otherwise becomes.
 */
export function redirectOf(response: Response, requested: string | URL): string | null {
  if (response.status < 300 || response.status > 399) return null;
  const location = response.headers.get('location');
  if (!location) return null;
  try {
    return new URL(location, requested).href;
  } catch {
    return location.slice(0, 200);
  }
}
