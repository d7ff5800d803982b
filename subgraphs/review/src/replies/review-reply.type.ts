import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ReplyStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(ReplyStatus, {
  name: 'ReplyStatus',
  description:
    'DRAFT → APPROVED → PUBLISHED (an APPROVED reply may go back to DRAFT); only PUBLISHED replies are seen by others than the link owner.',
});

@ObjectType('ReviewReply', { description: "The link owner's answer to a review." })
export class ReviewReply {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  body: string;

  @Field(() => ReplyStatus)
  status: ReplyStatus;

  @Field(() => Boolean, {
    description: 'Drafted by the model (false once the owner edits it, or for a template draft).',
  })
  generatedByAi: boolean;

  @Field(() => Date)
  updatedAt: Date;
}
