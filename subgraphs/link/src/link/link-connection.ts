import { Connection } from '@link-archive/federation';
import { Link } from './link.entity';

export const LinkConnection = Connection('Link', Link);
