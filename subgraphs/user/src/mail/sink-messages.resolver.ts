import { badInput, pageSize } from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import { requireAdmin } from '@link-archive/federation';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { UserContext } from '../context';

/** A message the embedded mail sink received (development and tests: no SMTP_URL). */
@ObjectType('SinkMessage')
export class SinkMessage {
  @Field(() => ID)
  id: string;

  @Field(() => [String])
  recipients: string[];

  @Field(() => String)
  subject: string;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => String, { nullable: true })
  html: string | null;

  @Field(() => Date)
  receivedAt: Date;
}

@Resolver()
export class SinkMessagesResolver {
  @Query(() => [SinkMessage], {
    description:
      'ADMIN: mail the embedded sink received (no SMTP_URL), newest first, optionally to one address.',
  })
  async sinkMessages(
    @Arg('to', () => String, { nullable: true }) to: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: UserContext,
  ): Promise<SinkMessage[]> {
    requireAdmin(ctx);
    const limit = pageSize(first);
    const address = to?.trim().toLowerCase() || null;
    if (address && address.length > 320) throw badInput('to', 'to is not an address');
    return queryRows<SinkMessage>(
      ctx.services.ds,
      `SELECT id, recipients, subject, text_body AS text, html_body AS html, received_at AS "receivedAt"
         FROM "user".sink_messages WHERE $1::text IS NULL OR $1 = ANY(recipients)
        ORDER BY received_at DESC, id DESC LIMIT $2`,
      [address, limit],
    );
  }
}
