import { ThumbnailAssets } from '@link-archive/media-domain';
import { scheduleQueue } from '@link-archive/queues';
import type { ProcessorDefinition } from '../registry';
import { reconcile } from '../schedules/reconciler';
import { scheduleRecrawls } from '../schedules/recrawl';
import { laneWorkers } from './lane-workers';

/** How often the schedulers are registered again: Redis may have lost them (a wipe, a failover). */
export const SCHEDULE_REFRESH_MS = 10_000;

/**
 * Periodic upkeep on BullMQ job schedulers (one per task, however many processes register them). Every few
 * seconds each scheduler is looked for and registered again when gone, so a wiped Redis has its schedules
 * back without a restart.
 */
export const scheduleProcessor: ProcessorDefinition = {
  name: 'schedule',
  start(deps) {
    const { env } = deps;
    const queue = deps.enqueuer.queue(scheduleQueue.name);
    const thumbnails = new ThumbnailAssets(deps.transaction);
    const every = { reconcile: env.RECONCILE_EVERY_MS, recrawl: env.RECRAWL_EVERY_MS };
    const register = async (onlyIfGone: boolean) => {
      for (const task of ['reconcile', 'recrawl'] as const) {
        const id = `schedule-${task}`;
        try {
          if (onlyIfGone && (await queue.getJobScheduler(id))) continue;
          await queue.upsertJobScheduler(id, { every: every[task] }, { name: task, data: { task } });
          if (onlyIfGone) deps.logger.warn({ task }, 'schedule was gone from Redis: registered again');
        } catch (err) {
          deps.logger.error({ err, task }, 'could not register schedule; retrying');
        }
      }
    };
    void register(false);
    const refresh = setInterval(
      () => void register(true),
      Math.min(SCHEDULE_REFRESH_MS, env.RECONCILE_EVERY_MS),
    );
    refresh.unref();
    const workers = laneWorkers(deps, scheduleQueue, 1, async ({ job }) => {
      if (job.data.task === 'reconcile') {
        const requeued = await reconcile(deps.db, deps.enqueuer, thumbnails, env.RECONCILE_AFTER_MS);
        if (requeued) deps.logger.info({ requeued }, 'reconciler re-enqueued links whose job was missing');
        return requeued;
      }
      const started = await scheduleRecrawls(deps.transaction, deps.enqueuer, {
        placeHours: env.RECRAWL_PLACE_HOURS,
        productHours: env.RECRAWL_PRODUCT_HOURS,
        pageHours: env.RECRAWL_PAGE_HOURS,
      });
      if (started) deps.logger.info({ started }, 'recrawls scheduled');
      return started;
    });
    return [...workers, { name: 'schedule-refresh', close: async () => clearInterval(refresh) }];
  },
};
