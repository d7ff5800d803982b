import { printSdl } from '@link-archive/federation';
import { buildFeedSchema } from './schema';

printSdl(buildFeedSchema);
