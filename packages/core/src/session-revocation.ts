/**
 * The access-token revocation contract shared by the user subgraph (which revokes) and the gateway (which
 * refuses): a revoked session's id is a Redis key for as long as its access tokens may live, and it is also
 * published on a channel so open WebSockets of that session close at once.
 */
export const revokedSessionKey = (sessionId: string) => `revoked-session:${sessionId}`;

/** Pub/sub channels are not keys: ioredis' keyPrefix does not apply, so the deployment prefix is spelt out. */
export const revokedSessionsChannel = (redisPrefix: string) => `${redisPrefix}sessions:revoked`;
