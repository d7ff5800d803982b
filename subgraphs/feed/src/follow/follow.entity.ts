import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The follow graph: follower follows followee. */
@Entity({ name: 'follows' })
export class Follow {
  @PrimaryColumn({ type: 'uuid', name: 'follower_id' })
  followerId: string;

  @PrimaryColumn({ type: 'uuid', name: 'followee_id' })
  followeeId: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
