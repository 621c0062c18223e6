import { isIP } from 'node:net';

/**
 * Which endpoints a phone may subscribe with. The server POSTs to whatever endpoint is stored, so an open
 * policy would let anyone make it send requests into other networks: only https on the known push services
 * (their host or a subdomain, default port), plus origins named in the configuration (a test push service).
 */
export function createPushEndpointPolicy(options: {
  readonly hosts: readonly string[];
  readonly extraOrigins: readonly string[];
}): (endpoint: URL) => boolean {
  const hosts = options.hosts.map((h) => h.toLowerCase());
  const origins = new Set(options.extraOrigins.map((o) => new URL(o).origin));
  return (endpoint) => {
    if (endpoint.username !== '' || endpoint.password !== '' || endpoint.hash !== '') return false;
    if (origins.has(endpoint.origin)) return true;
    if (endpoint.protocol !== 'https:' || endpoint.port !== '' || isIP(endpoint.hostname.replace(/^\[|\]$/g, '')) !== 0)
      return false;
    const host = endpoint.hostname.toLowerCase();
    return hosts.some((h) => host === h || host.endsWith(`.${h}`));
  };
}
