/**
 * Where model-assisted compression may send a prompt: HTTPS anywhere, plain HTTP only to this machine
 * (a local model server). Anything else is refused before a request is made. Its key is bound to the
 * endpoint's origin when it is saved, and sent to no other: pointing the setting elsewhere later means
 * entering the key again, so the key never follows a changed URL to a host it was not typed for.
 */
export function endpointProblem(endpoint: string): string | null {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return `not a URL: ${endpoint}`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return `${url.protocol}//${url.host} is not allowed: use https://, or http:// only to localhost`;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A compression key as stored: the secret and the origin it was entered for. */
export interface BoundKey {
  secret: string;
  origin: string;
}

/** The origin a key entered now is bound to, or null when the endpoint is not a usable URL. */
export function keyOriginFor(endpoint: string): string | null {
  if (endpointProblem(endpoint)) return null;
  return new URL(endpoint.trim()).origin;
}

/** Why `key` may not go to `endpoint`, or null when it may. */
export function keyOriginProblem(key: BoundKey, endpoint: string): string | null {
  const origin = keyOriginFor(endpoint);
  if (origin === key.origin) return null;
  return `the compression key was saved for ${key.origin}, not ${origin ?? endpoint}; set it again for this endpoint`;
}

/** A stored entry, or null when it is missing or unreadable (including keys saved before keys were bound). */
export function parseBoundKey(raw: string | undefined): BoundKey | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<BoundKey>;
    return typeof parsed.secret === 'string' && typeof parsed.origin === 'string' ? { secret: parsed.secret, origin: parsed.origin } : null;
  } catch {
    return null;
  }
}
