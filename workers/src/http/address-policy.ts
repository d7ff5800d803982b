import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// ranges ipaddr.js calls unicast that are still not the public internet
const EXTRA_BLOCKED: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [
  ipaddr.parseCIDR('198.18.0.0/15'), // benchmarking
  ipaddr.parseCIDR('192.0.0.0/24'), // IETF protocol assignments
  ipaddr.parseCIDR('100.64.0.0/10'), // CGNAT, also classified below
];

const v6 = (cidr: string) => ipaddr.IPv6.parseCIDR(cidr);
const ipv4Of = (high: number, low: number) =>
  ipaddr.fromByteArray([high >> 8, high & 0xff, low >> 8, low & 0xff]) as ipaddr.IPv4;

/**
 * IPv6 forms that carry an IPv4 address, and where: a packet to one of them reaches (or is translated to)
 * that IPv4 address, so the address is judged by the IPv4 address's own range.
 */
const EMBEDDING: [ReturnType<typeof v6>, (parts: number[]) => ipaddr.IPv4[]][] = [
  [v6('::ffff:0:0/96'), (p) => [ipv4Of(p[6]!, p[7]!)]], // IPv4-mapped
  [v6('::ffff:0:0:0/96'), (p) => [ipv4Of(p[6]!, p[7]!)]], // IPv4-translated (SIIT)
  [v6('64:ff9b::/96'), (p) => [ipv4Of(p[6]!, p[7]!)]], // NAT64 well-known prefix
  [v6('::/96'), (p) => [ipv4Of(p[6]!, p[7]!)]], // IPv4-compatible (deprecated, still routed by some stacks)
  [v6('2002::/16'), (p) => [ipv4Of(p[1]!, p[2]!)]], // 6to4
  // Teredo: the server in bits 32-63, the client (inverted) in the last 32
  [v6('2001::/32'), (p) => [ipv4Of(p[2]!, p[3]!), ipv4Of(~p[6]! & 0xffff, ~p[7]! & 0xffff)]],
];

/** Blocked outright: NAT64 local-use prefixes embed an address at a position only their network knows. */
const LOCAL_NAT64 = v6('64:ff9b:1::/48');

/**
 * The range name when an address must not be fetched (loopback, private, link-local incl.
 * 169.254.169.254, CGNAT, unique-local, multicast, reserved, …), or null for a public unicast address.
 * An IPv6 address carrying an IPv4 address (mapped, compatible, translated, NAT64, 6to4, Teredo) is judged
 * as the IPv4 address it carries.
 */
export function blockedRange(address: string): string | null {
  if (!isIP(address)) return 'invalid';
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') {
    const six = ip as ipaddr.IPv6;
    if (six.match(LOCAL_NAT64)) return 'rfc8215';
    // :: and ::1 are IPv6's own unspecified and loopback addresses
    if (six.range() !== 'unspecified' && six.range() !== 'loopback') {
      for (const [net, carried] of EMBEDDING) {
        if (!six.match(net)) continue;
        for (const v4 of carried(six.parts)) {
          const range = blockedRange(v4.toString());
          if (range) return range;
        }
        return null;
      }
    }
  }
  const range = ip.range();
  if (range !== 'unicast') return range;
  for (const [net, bits] of EXTRA_BLOCKED) {
    if (ip.kind() === net.kind() && ip.match(net, bits)) return 'reserved';
  }
  return null;
}

/** The ports the crawler fetches on any public host; others only where CRAWLER_ALLOWED_HOSTS names host:port. */
const WEB_PORTS = new Set(['80', '443']);

/**
 * CRAWLER_ALLOWED_HOSTS: comma-separated `host` or `host:port` entries that may resolve to private
 * addresses (local test sites). Empty by default, and the only way past the address check; only a
 * `host:port` entry opens a port other than 80 and 443.
 */
export class AllowedHosts {
  private readonly entries: Set<string>;

  constructor(list: string | string[] = []) {
    const items = Array.isArray(list) ? list : list.split(',');
    this.entries = new Set(items.map((s) => s.trim().toLowerCase()).filter(Boolean));
  }

  allows(url: URL): boolean {
    const host = url.hostname.toLowerCase();
    return this.entries.has(host) || this.entries.has(`${host}:${portOf(url)}`);
  }

  /** Whether the URL's port may be fetched: a web port, or one this list names for the host. */
  allowsPort(url: URL): boolean {
    const port = portOf(url);
    return WEB_PORTS.has(port) || this.entries.has(`${url.hostname.toLowerCase()}:${port}`);
  }
}

const portOf = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');
