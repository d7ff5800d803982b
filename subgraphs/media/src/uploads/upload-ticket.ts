import { Field, ObjectType } from 'type-graphql';
import { MediaAsset } from '../media/media-asset.entity';

@ObjectType('Header')
export class Header {
  @Field(() => String)
  name: string;

  @Field(() => String)
  value: string;
}

@ObjectType('UploadTicket', {
  description: 'A presigned PUT: send the bytes with exactly these headers before expiresAt.',
})
export class UploadTicket {
  @Field(() => MediaAsset)
  asset: MediaAsset;

  @Field(() => String)
  uploadUrl: string;

  @Field(() => [Header])
  headers: Header[];

  @Field(() => Date)
  expiresAt: Date;
}
