import { Connection } from '@link-archive/federation';
import { Review } from './review.entity';

export const ReviewConnection = Connection('Review', Review);
