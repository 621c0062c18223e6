import { BlockList, isIP } from 'node:net';

/** Addresses allowed to ask where a call goes: "192.0.2.10", "198.51.100.0/24", "2001:db8::/32". */
export type AddressAllowList = (address: string) => boolean;

/** From configuration entries (checked there); a malformed entry throws. */
export function createAddressAllowList(entries: readonly string[]): AddressAllowList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (raw) => {
    // An IPv4 peer on a dual-stack socket shows as ::ffff:192.0.2.1.
    const address = raw.startsWith('::ffff:') && raw.includes('.') ? raw.slice(7) : raw;
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}
