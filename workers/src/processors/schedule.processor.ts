import { scheduleQueue } from '@link-archive/queues';
import type { ProcessorDefinition } from '../registry';
import { reconcile } from '../schedules/reconciler';
import { scheduleRecrawls } from '../schedules/recrawl';
import { laneWorkers } from './lane-workers';

/** Periodic upkeep on BullMQ job schedulers (one per task, however many processes register them). */
export const scheduleProcessor: ProcessorDefinition = {
  name: 'schedule',
  start(deps) {
    const { env } = deps;
    const queue = deps.enqueuer.queue(scheduleQueue.name);
    const every = { reconcile: env.RECONCILE_EVERY_MS, recrawl: env.RECRAWL_EVERY_MS };
    for (const task of ['reconcile', 'recrawl'] as const) {
      queue
        .upsertJobScheduler(`schedule-${task}`, { every: every[task] }, { name: task, data: { task } })
        .catch((err) => deps.logger.error({ err, task }, 'could not register schedule'));
    }
    return laneWorkers(deps, scheduleQueue, 1, async ({ job }) => {
      if (job.data.task === 'reconcile') {
        const requeued = await reconcile(deps.db, deps.enqueuer, env.RECONCILE_AFTER_MS);
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
  },
};
