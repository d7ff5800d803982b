import { Connection, UserRef } from '@link-archive/federation';

export const UserConnection = Connection('User', UserRef);
