import { LRUCache } from 'lru-cache';
import type { VerifiedToken } from './access-token';

/**
 * Access tokens already verified, kept until they expire (at most 5 minutes), so a busy client's token
 * is checked once rather than on every request. Revocation is still checked on every request.
 */
export const verifiedTokens = () => new LRUCache<string, VerifiedToken>({ max: 50_000, ttl: 5 * 60_000 });
