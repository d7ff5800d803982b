import { emitEvent, linkUpdated, type Queryable } from '@link-archive/events';
import { LINK_SCHEMA, type LinkStatus, type Visibility } from './link-enums';

/** link.updated for a change made in `tx`: the pipeline status it set, or null for an edit. */
export const announceLinkChange = (
  tx: Queryable,
  link: { id: string; ownerId: string; visibility: Visibility },
  status: LinkStatus | null,
) =>
  emitEvent(tx, LINK_SCHEMA, linkUpdated, {
    linkId: link.id,
    ownerId: link.ownerId,
    status,
    visibility: link.visibility,
  });
