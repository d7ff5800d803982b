import { printSdl } from '@link-archive/federation';
import { buildLinkSchema } from './schema';

printSdl(buildLinkSchema);
