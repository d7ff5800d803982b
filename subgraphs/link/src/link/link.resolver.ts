import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '@link-archive/federation';
import type { LinkContext } from '../context';
import { UserRef } from '@link-archive/federation';
import { LinkChangeSet } from './link-changes';
import { LinkConnection } from './link-connection';
import { Link } from './link.entity';
import { Visibility } from './link.enums';
import { LinkFilter } from './link.inputs';

@Resolver(() => Link)
export class LinkResolver {
  @Query(() => Link, { nullable: true })
  link(@Arg('id', () => ID) id: string, @Ctx() ctx: LinkContext) {
    return ctx.loaders.link.load(id);
  }

  @Query(() => LinkConnection)
  links(
    @Arg('filter', () => LinkFilter, { nullable: true }) filter: LinkFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LinkContext,
  ) {
    return ctx.services.links.list(ctx.viewer, filter, first, after);
  }

  @Query(() => LinkConnection, {
    description:
      'Ranked full text (title > tags > description > excerpt and your notes) over every link you may see, with searchHighlight.',
  })
  searchLinks(
    @Arg('query', () => String) query: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: LinkContext,
  ) {
    return ctx.services.search.search(ctx.viewer, query, first, after);
  }

  @Query(() => LinkChangeSet)
  linkChanges(
    @Arg('since', () => String, { nullable: true }) since: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: LinkContext,
  ) {
    return ctx.services.links.changes(requireViewer(ctx), since, first);
  }

  @Mutation(() => Link, {
    description:
      'Idempotent per owner and normalized URL. clientRequestId (8-100 of A-Z a-z 0-9 . _ : -), when given, makes a retry answer with the link that request saved (NOT_FOUND if deleted since) instead of saving again, for 30 days.',
  })
  saveLink(
    @Arg('url', () => String) url: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('tags', () => [String], { nullable: true }) tags: string[] | null,
    @Arg('visibility', () => Visibility, { nullable: true }) visibility: Visibility | null,
    @Arg('clientRequestId', () => ID, { nullable: true }) clientRequestId: string | null,
    @Ctx() ctx: LinkContext,
  ) {
    return ctx.services.links.save(requireViewer(ctx), url, { note, tags, visibility }, clientRequestId);
  }

  @Mutation(() => Link)
  updateLink(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null | undefined,
    @Arg('tags', () => [String], { nullable: true }) tags: string[] | null | undefined,
    @Arg('visibility', () => Visibility, { nullable: true }) visibility: Visibility | null | undefined,
    @Ctx() ctx: LinkContext,
  ) {
    return ctx.services.links.update(requireViewer(ctx), id, { note, tags, visibility });
  }

  @Mutation(() => Boolean)
  deleteLink(@Arg('id', () => ID) id: string, @Ctx() ctx: LinkContext) {
    return ctx.services.links.delete(requireViewer(ctx), id);
  }

  @Mutation(() => Link)
  recrawlLink(@Arg('id', () => ID) id: string, @Ctx() ctx: LinkContext) {
    return ctx.services.links.recrawl(requireViewer(ctx), id);
  }

  @FieldResolver(() => UserRef)
  owner(@Root() link: Link): UserRef {
    return { id: link.ownerId };
  }

  /**
   * The preserved readable article: a short-lived signed URL, for whoever this link was resolved for (every
   * path that returns a Link has checked the viewer may see it).
   */
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The preserved readable article (sanitized HTML): a short-lived signed URL.',
  })
  contentUrl(@Root() link: Link, @Ctx() ctx: LinkContext): Promise<string | null> {
    return ctx.services.links.contentUrl(link);
  }

  /** The owner's private annotation: null for everyone else, on every path that returns a Link. */
  @FieldResolver(() => String, {
    nullable: true,
    description: "The owner's private annotation; only the owner reads it.",
  })
  note(@Root() link: Link, @Ctx() ctx: LinkContext): string | null {
    return link.ownerId === ctx.viewer?.userId ? link.note : null;
  }
}
