import { printSdl } from '@link-archive/federation';
import { buildUserSchema } from './schema';

printSdl(buildUserSchema);
