import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// ranges ipaddr.js calls unicast that are still not the public internet
const EXTRA_BLOCKED: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [
  ipaddr.parseCIDR('198.18.0.0/15'), // benchmarking
  ipaddr.parseCIDR('192.0.0.0/24'), // IETF protocol assignments
  ipaddr.parseCIDR('100.64.0.0/10'), // CGNAT, also classified below
];

/**
 * The range name when an address must not be fetched (loopback, private, link-local incl.
 * 169.254.169.254, CGNAT, unique-local, multicast, reserved, …), or null for a public unicast address.
 * IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function blockedRange(address: string): string | null {
  if (!isIP(address)) return 'invalid';
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range !== 'unicast') return range;
  for (const [net, bits] of EXTRA_BLOCKED) {
    if (ip.kind() === net.kind() && ip.match(net, bits)) return 'reserved';
  }
  return null;
}

/**
 * CRAWLER_ALLOWED_HOSTS: comma-separated `host` or `host:port` entries that may resolve to private
 * addresses (local test sites). Empty by default, and the only way past the address check.
 */
export class AllowedHosts {
  private readonly entries: Set<string>;

  constructor(list: string | string[] = []) {
    const items = Array.isArray(list) ? list : list.split(',');
    this.entries = new Set(items.map((s) => s.trim().toLowerCase()).filter(Boolean));
  }

  allows(url: URL): boolean {
    const host = url.hostname.toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return this.entries.has(host) || this.entries.has(`${host}:${port}`);
  }
}
