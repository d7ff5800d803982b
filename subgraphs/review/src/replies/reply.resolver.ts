import { requireViewer } from '@link-archive/federation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { ReviewContext } from '../context';
import { Review } from '../review/review.entity';
import { ReplyStatus, ReviewReply } from './review-reply.type';

@Resolver(() => Review)
export class ReplyResolver {
  @FieldResolver(() => ReviewReply, {
    nullable: true,
    description: "The link owner's reply: others see it only once PUBLISHED.",
  })
  async reply(@Root() review: Review, @Ctx() ctx: ReviewContext) {
    const reply = await ctx.loaders.reply.load(review.id);
    if (!reply) return null;
    if (reply.reply.status === 'PUBLISHED' || (ctx.viewer && reply.linkOwnerId === ctx.viewer.userId))
      return reply.reply;
    return null;
  }

  @Mutation(() => ReviewReply, {
    description:
      "The link's owner only: a polite reply drafted in the review's language (by the model when available), status DRAFT.",
  })
  draftReply(@Arg('reviewId', () => ID) reviewId: string, @Ctx() ctx: ReviewContext) {
    return ctx.services.replies.draft(requireViewer(ctx), reviewId);
  }

  @Mutation(() => ReviewReply, {
    description:
      "The link's owner edits a reply and/or moves it DRAFT → APPROVED → PUBLISHED; publishing tells the review's author.",
  })
  updateReply(
    @Arg('replyId', () => ID) replyId: string,
    @Arg('body', () => String, { nullable: true }) body: string | null,
    @Arg('status', () => ReplyStatus, { nullable: true }) status: ReplyStatus | null,
    @Ctx() ctx: ReviewContext,
  ) {
    return ctx.services.replies.update(requireViewer(ctx), replyId, body, status);
  }
}
