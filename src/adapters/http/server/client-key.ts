import { isIPv4, isIPv6 } from 'node:net';

/**
 * What a rate limit counts for one client: an IPv4 address, or the /64 network of an IPv6 address. One IPv6
 * subscriber gets a whole /64 (2^64 addresses), so counting full addresses would let one client look like
 * billions. An IPv4 address mapped into IPv6 (::ffff:192.0.2.1) counts as the IPv4 address.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped !== null) return mapped[1]!;
  if (isIPv4(address) || !isIPv6(address)) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, each as a lowercase number without leading zeros. */
function expandIpv6(address: string): string[] {
  const withoutZone = address.split('%')[0]!;
  const [head, tail] = withoutZone.includes('::') ? withoutZone.split('::') : [withoutZone, undefined];
  const groups = (part: string | undefined) => (part === undefined || part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = groups(tail);
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
