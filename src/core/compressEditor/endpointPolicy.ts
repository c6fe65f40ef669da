/**
 * Where model-assisted compression may send a prompt: HTTPS anywhere, plain HTTP only to this machine
 * (a local model server). Anything else is refused before a request is made.
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
