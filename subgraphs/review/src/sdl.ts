import { printSdl } from '@link-archive/federation';
import { buildReviewSchema } from './schema';

printSdl(buildReviewSchema);
