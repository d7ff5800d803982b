import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localRedisPrefix } from './redis-prefix';

describe('localRedisPrefix', () => {
  it('gives each data directory its own Redis keys, and the same directory the same ones', () => {
    const one = mkdtempSync(join(tmpdir(), 'checkout-a-'));
    const other = mkdtempSync(join(tmpdir(), 'checkout-b-'));
    expect(localRedisPrefix(one)).not.toBe(localRedisPrefix(other));
    expect(localRedisPrefix(one)).toBe(localRedisPrefix(join(one, '.')));
    expect(localRedisPrefix(one)).toMatch(/^la_[0-9a-f]{10}:$/);
    // never the shared default every deployment without REDIS_PREFIX would use
    expect(localRedisPrefix(one)).not.toBe('la:');
  });
});
