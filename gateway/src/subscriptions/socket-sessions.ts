import { revokedSessionKey, revokedSessionsChannel, type Logger, type Redis } from '@link-archive/core';
import IORedis from 'ioredis';

/** A socket that can be told to close, as graphql-ws' WebSocket is. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

/** The graphql-ws close code that tells a client to reconnect with a fresh access token. */
export const FORBIDDEN_CLOSE = 4403;

/**
 * Open sockets by the session their access token belongs to. A session revoked anywhere (sign-out, refresh
 * token reuse, deleteAccount) closes its sockets with 4403: at once when the user subgraph's announcement
 * arrives over pub/sub, and within `sweepMs` from the revocation keys when a message was missed.
 */
export class SocketSessions {
  private readonly bySession = new Map<string, Set<ClosableSocket>>();
  private readonly subscriber: IORedis;
  private readonly sweep: NodeJS.Timeout;

  constructor(
    redisUrl: string,
    redisPrefix: string,
    private readonly redis: Redis,
    private readonly logger: Logger,
    sweepMs = 15_000,
  ) {
    this.subscriber = new IORedis(redisUrl, { connectTimeout: 5_000, maxRetriesPerRequest: null });
    this.subscriber
      .subscribe(revokedSessionsChannel(redisPrefix))
      .catch((err) => logger.error({ err }, 'could not watch session revocations'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        for (const id of JSON.parse(message) as string[]) this.revoke(String(id));
      } catch {
        logger.warn('malformed session revocation dropped');
      }
    });
    this.sweep = setInterval(() => void this.sweepRevoked(), sweepMs);
    this.sweep.unref();
  }

  add(sessionId: string, socket: ClosableSocket): void {
    let sockets = this.bySession.get(sessionId);
    if (!sockets) this.bySession.set(sessionId, (sockets = new Set()));
    sockets.add(socket);
  }

  remove(sessionId: string, socket: ClosableSocket): void {
    const sockets = this.bySession.get(sessionId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.bySession.delete(sessionId);
  }

  private revoke(sessionId: string): void {
    for (const socket of this.bySession.get(sessionId) ?? [])
      socket.close(FORBIDDEN_CLOSE, 'Session revoked');
    this.bySession.delete(sessionId);
  }

  private async sweepRevoked(): Promise<void> {
    const ids = [...this.bySession.keys()];
    if (!ids.length) return;
    try {
      const pipeline = this.redis.pipeline();
      for (const id of ids) pipeline.exists(revokedSessionKey(id));
      const results = (await pipeline.exec()) ?? [];
      results.forEach(([, exists], i) => {
        if (exists) this.revoke(ids[i]!);
      });
    } catch (err) {
      this.logger.warn({ err }, 'session sweep failed; retried next interval');
    }
  }

  close(): void {
    clearInterval(this.sweep);
    this.subscriber.disconnect();
  }
}
