import { describe, expect, it } from 'vitest';
import { blockedRange } from './address-policy';

describe('blockedRange', () => {
  it.each([
    ['::7f00:1', 'loopback'],
    ['::a9fe:a9fe', 'linkLocal'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::c0a8:1', 'private'],
    ['2002:0a00:0001::', 'private'],
    ['64:ff9b:1::808:808', 'rfc8215'],
  ])('judges %s by the IPv4 address it carries: %s', (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it.each(['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2606:4700::1111', '93.184.216.34'])(
    'lets a public address through: %s',
    (address) => expect(blockedRange(address)).toBeNull(),
  );

  it('keeps IPv6 loopback and unspecified blocked', () => {
    expect(blockedRange('::1')).toBe('loopback');
    expect(blockedRange('::')).toBe('unspecified');
  });
});
