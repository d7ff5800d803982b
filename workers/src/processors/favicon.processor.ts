import { createHash } from 'node:crypto';
import { LinkTransitions } from '@link-archive/link-domain';
import { faviconQueue } from '@link-archive/queues';
import { faviconKey } from '@link-archive/storage';
import { MAX_FAVICON_BYTES, processFavicon } from '../favicons/process-favicon';
import { FetchError } from '../http/fetch-error';
import { guardedFetch } from '../http/guarded-fetch';
import type { ProcessorDefinition } from '../registry';
import { settleFailure } from './failure';
import { laneWorkers } from './lane-workers';

/** A site's stored icon is reused for a week; a site without one is asked again by its next link. */
const KNOWN_SECONDS = 7 * 86_400;

/**
 * Favicon: the page's icon through the guarded client (address policy, time and size caps), rasterized to a
 * 64 px PNG, stored by content with the media (public, like the thumbnail sizes), and recorded on the link.
 * Every link of a site shares one stored icon; Redis remembers which for a week (losing that only refetches).
 */
export const faviconProcessor: ProcessorDefinition = {
  name: 'favicon',
  start(deps) {
    const links = new LinkTransitions(deps.transaction);
    return laneWorkers(
      deps,
      faviconQueue,
      deps.env.THUMBNAIL_CONCURRENCY,
      async ({ job }) => {
        const { linkId, generation, faviconUrl } = job.data;
        const memo = `favicon:${createHash('sha256').update(faviconUrl).digest('hex')}`;
        const known = await deps.redis.get(memo);
        if (known) {
          await links.saveFavicon(linkId, generation, known);
          return 'known';
        }
        let stored: string | null;
        try {
          const res = await guardedFetch(faviconUrl, {
            ...deps.fetchOptions,
            maxBytes: MAX_FAVICON_BYTES,
            accept: 'image/avif,image/webp,image/png,image/svg+xml,image/x-icon,image/*;q=0.8',
          });
          const icon = await processFavicon(res.body).catch((err: unknown) => {
            throw new FetchError('BAD_IMAGE', (err as Error).message, true);
          });
          const key = faviconKey(icon.sha256);
          await deps.media.put(key, icon.png, 'image/png');
          stored = deps.media.publicUrl(key);
        } catch (err) {
          // a site without a usable icon has none (the link shows no favicon rather than a hot link)
          return settleFailure({ job, logger: deps.logger, context: { linkId } }, err, () =>
            links.saveFavicon(linkId, generation, null),
          );
        }
        await deps.redis.set(memo, stored, 'EX', KNOWN_SECONDS);
        await links.saveFavicon(linkId, generation, stored);
        return 'stored';
      },
      ({ linkId, generation }) => links.saveFavicon(linkId, generation, null),
    );
  },
};
