/** A host and optional port as in a Via or SIP URI: "example.org", "192.0.2.1:5060", "[2001:db8::1]:5061". */
export interface HostPort {
  readonly host: string;
  readonly port: number | null;
}

const hostnamePattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?$/;
const ipv6Pattern = /^\[[0-9A-Fa-f:.]+\]$/;

export function parseHostPort(text: string): HostPort | null {
  let host: string;
  let portText: string | undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close === -1) return null;
    host = text.slice(0, close + 1);
    const rest = text.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return null;
    portText = rest === '' ? undefined : rest.slice(1);
    if (!ipv6Pattern.test(host)) return null;
  } else {
    const colon = text.indexOf(':');
    host = colon === -1 ? text : text.slice(0, colon);
    portText = colon === -1 ? undefined : text.slice(colon + 1);
    if (!hostnamePattern.test(host)) return null;
  }
  if (portText === undefined) return { host, port: null };
  if (!/^[0-9]{1,5}$/.test(portText)) return null;
  const port = Number(portText);
  return port >= 1 && port <= 65_535 ? { host, port } : null;
}

export function formatHostPort(hostPort: HostPort): string {
  return hostPort.port === null ? hostPort.host : `${hostPort.host}:${hostPort.port}`;
}

/** An address as a socket reports it ("::1") in the form a Via or URI needs ("[::1]"). */
export function hostForAddress(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
