import { badInput, isUuid, type Viewer } from '@link-archive/core';
import { requireViewer } from '@link-archive/federation';
import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { LinkContext } from '../context';
import { Link } from './link.entity';
import type { LinkStatus } from './link.enums';

interface LinkUpdatedArgs {
  id?: string | null;
}

/** The viewer's own links as they move through the pipeline; another owner's link never reaches them. */
@Resolver(() => Link)
export class LinkUpdatedResolver {
  @Subscription(() => Link, {
    description:
      "The viewer's links as they move through the pipeline (one link when id is given): one payload per change, " +
      'in order, with the status that change made; the other fields as the link reads when sent.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, LinkUpdatedArgs, LinkContext>) => {
      const viewer = requireViewer(context);
      const { id } = args;
      if (id && !isUuid(id)) throw badInput('id', 'not a link id');
      return visibleLinks(context, viewer, id ?? null);
    },
  })
  linkUpdated(@Root() link: Link, @Arg('id', () => ID, { nullable: true }) _id: string | null): Link {
    return link;
  }
}

/**
 * Each event as the link reads now, with the status the event announced (so every status reaches the client,
 * in order, even when the pipeline has moved on by the time it is sent); a link deleted meanwhile is skipped
 * rather than sent as an error.
 */
async function* visibleLinks(context: LinkContext, viewer: Viewer, id: string | null): AsyncGenerator<Link> {
  const { linkEvents, links } = context.services;
  for await (const event of linkEvents.events(viewer.userId, (e) => !id || e.linkId === id)) {
    const link = await links.ownedNow(viewer, event.linkId);
    if (link) yield event.status ? Object.assign(link, { status: event.status as LinkStatus }) : link;
  }
}
