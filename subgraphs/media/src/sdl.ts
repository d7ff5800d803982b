import { printSdl } from '@link-archive/federation';
import { buildMediaSchema } from './schema';

printSdl(buildMediaSchema);
