import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { ALL_QUEUES, bullPrefix, queueName } from '@link-archive/queues';
import { Queue } from 'bullmq';
import type { Express, NextFunction, Request, Response } from 'express';
import type { AccessTokenVerifier } from '../auth/access-token';
import { requestCredential } from '../auth/bearer-token';
import { graphqlError } from '../graphql/http-errors';

export const QUEUE_BOARD_PATH = '/admin/queues';
function requireAdmin(tokens: AccessTokenVerifier) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { token } = requestCredential(req);
      if (!token) {
        res.setHeader('www-authenticate', 'Bearer');
        return graphqlError(res, 401, 'UNAUTHENTICATED', 'Sign in as an ADMIN to see the queues');
      }
      const viewer = await tokens.verify(token);
      if (!viewer) return graphqlError(res, 401, 'UNAUTHENTICATED', 'Invalid or expired access token');
      if (viewer.role !== 'ADMIN') return graphqlError(res, 403, 'FORBIDDEN', 'ADMIN role required');
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Bull Board over every pipeline queue and lane, for ADMINs only: failed jobs stay there for inspection. */
export function queueBoard(
  app: Express,
  tokens: AccessTokenVerifier,
  redis: { url: string; prefix: string },
): { close: () => Promise<void> } {
  const queues = ALL_QUEUES.flatMap((contract) =>
    (['interactive', 'bulk'] as const).map(
      (lane) =>
        new Queue(queueName(contract, lane), {
          connection: { url: redis.url, maxRetriesPerRequest: 1, enableOfflineQueue: false },
          prefix: bullPrefix(redis.prefix),
        }),
    ),
  );
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });
  app.use(QUEUE_BOARD_PATH, requireAdmin(tokens), serverAdapter.getRouter());
  return { close: async () => void (await Promise.all(queues.map((q) => q.close()))) };
}
