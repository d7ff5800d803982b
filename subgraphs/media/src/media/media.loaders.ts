import DataLoader from 'dataloader';
import { isUuid } from '@link-archive/core';
import { In, type DataSource } from 'typeorm';
import { MediaAsset } from './media-asset.entity';
import { MediaKind } from './media.enums';

/** The newest READY asset of a kind per owner column, for a page of parents in one statement. */
function latestBy(ds: DataSource, column: 'link_id' | 'owner_id', kind: MediaKind) {
  return new DataLoader<string, MediaAsset | null>(async (ids) => {
    const rows = await ds
      .getRepository(MediaAsset)
      .createQueryBuilder('m')
      .distinctOn([`m.${column}`])
      .where(`m.${column} = ANY(:ids) AND m.kind = :kind AND m.status = 'READY'`, {
        ids: ids.filter(isUuid),
        kind,
      })
      .orderBy(`m.${column}`)
      .addOrderBy('m.created_at', 'DESC')
      .getMany();
    const key = column === 'link_id' ? 'linkId' : 'ownerId';
    const byParent = new Map(rows.map((m) => [m[key], m]));
    return ids.map((id) => byParent.get(id) ?? null);
  });
}

export function createMediaLoaders(ds: DataSource) {
  return {
    asset: new DataLoader<string, MediaAsset | null>(async (ids) => {
      const rows = await ds.getRepository(MediaAsset).findBy({ id: In(ids.filter(isUuid)) });
      const byId = new Map(rows.map((m) => [m.id, m]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    thumbnailOfLink: latestBy(ds, 'link_id', MediaKind.THUMBNAIL),
    screenshotOfLink: latestBy(ds, 'link_id', MediaKind.SCREENSHOT),
    avatarOfUser: latestBy(ds, 'owner_id', MediaKind.AVATAR),
  };
}
