import DataLoader from 'dataloader';
import { isUuid, type Viewer } from '@link-archive/core';
import { In, IsNull, type Repository } from 'typeorm';
import type { Link } from './link.entity';
import type { VisibilityPolicy } from './visibility';

/** Links by id for one request, visibility applied: one statement per batch (two with follower checks). */
export function createLinkLoader(links: Repository<Link>, policy: VisibilityPolicy, viewer: Viewer | null) {
  return new DataLoader<string, Link | null>(
    async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await links.findBy({ id: In(valid), deletedAt: IsNull() }) : [];
      const visible = new Map((await policy.filter(viewer, rows)).map((l) => [l.id, l]));
      return ids.map((id) => visible.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );
}
