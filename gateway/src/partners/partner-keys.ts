import { createHash } from 'node:crypto';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@link-archive/core';

/** A partner key as the user subgraph describes it. */
export interface VerifiedPartnerKey {
  id: string;
  name: string;
  partner: string | null;
  /** The persisted operations (names or ids) it may run; null: every listed one. */
  operations: string[] | null;
  /** Its own requests per minute; null: RATE_LIMIT_PER_MINUTE. */
  ratePerMinute: number | null;
}

interface CachedKey {
  key: VerifiedPartnerKey | null;
  until: number;
}

const MAX_CACHE = 10_000;

/**
 * Partner API keys live in the user subgraph (stored hashed); the gateway asks it through an internal
 * route and caches the answer for PARTNER_KEY_CACHE_MS, so a revoked key stops working within that time.
 */
export class PartnerKeys {
  private readonly cache = new Map<string, CachedKey>();

  constructor(
    private readonly verifyUrl: string,
    private readonly gatewaySecret: string,
    private readonly timeoutMs: number,
    private readonly cacheMs: number,
  ) {}

  async verify(secret: string): Promise<VerifiedPartnerKey | null> {
    if (!secret || secret.length > 200) return null;
    const cacheKey = createHash('sha256').update(secret).digest('hex');
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.key;
    const token = await signInternalToken(this.gatewaySecret, {
      viewer: null,
      partnerKeyId: null,
      clientIp: 'gateway',
    });
    const res = await fetch(this.verifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body: JSON.stringify({ secret }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (res.status !== 200 && res.status !== 404)
      throw new Error(`api key verification failed: HTTP ${res.status}`);
    const key = res.status === 200 ? ((await res.json()) as VerifiedPartnerKey) : null;
    if (this.cache.size >= MAX_CACHE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(cacheKey, {
      key,
      until: Date.now() + (key ? this.cacheMs : Math.min(this.cacheMs, 10_000)),
    });
    return key;
  }
}
