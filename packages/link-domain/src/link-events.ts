import { emitEvent, linkCrawled, linkUpdated, queryRows, type Queryable } from '@link-archive/events';
import type { LinkCard } from './link-transitions';
import type { PipelineLink } from './pipeline-link';
import { LINK_SCHEMA, type LinkStatus, type Visibility } from './link-enums';

/** The link's tag names as `tx` sees them (the change just made included). */
export async function currentTagNames(tx: Queryable, linkId: string): Promise<string[]> {
  const [row] = await queryRows<{ tags: string[] }>(
    tx,
    `SELECT COALESCE(array_agg(t->>'name'), '{}') AS tags
       FROM link.links, jsonb_array_elements(tags) AS t WHERE id = $1`,
    [linkId],
  );
  return row?.tags ?? [];
}

/** link.updated for a change made in `tx`: the pipeline status it set (null for an edit) and the tags it left. */
export const announceLinkChange = async (
  tx: Queryable,
  link: { id: string; ownerId: string; visibility: Visibility },
  status: LinkStatus | null,
) =>
  emitEvent(tx, LINK_SCHEMA, linkUpdated, {
    linkId: link.id,
    ownerId: link.ownerId,
    status,
    visibility: link.visibility,
    tags: await currentTagNames(tx, link.id),
  });

const clip = (v: string | null, max: number) => (v ? v.slice(0, max) : null);

/** link.crawled for a card stored in `tx`: the page's rated reviews (a review without stars is not one to import). */
export const announceCrawl = (tx: Queryable, link: PipelineLink, card: LinkCard) =>
  emitEvent(tx, LINK_SCHEMA, linkCrawled, {
    linkId: link.id,
    ownerId: link.ownerId,
    ownerPlan: link.ownerPlan.slice(0, 20),
    title: clip(card.title, 1_000),
    siteName: clip(card.siteName, 500),
    description: clip(card.description, 2_000),
    reviews: card.structured.reviews
      .filter((r) => r.rating !== null && r.rating >= 1 && r.rating <= 5 && r.body.trim())
      .slice(0, 50)
      .map((r) => ({
        authorName: clip(r.author, 200),
        rating: r.rating!,
        body: r.body.trim().slice(0, 5_000),
        publishedAt: clip(r.datePublished, 100),
      })),
  });
