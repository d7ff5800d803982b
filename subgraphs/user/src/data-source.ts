import { UserDomainEvents1732500000000 } from './migrations/1732500000000-domain-events';
import { createDataSource, type DataSourceOptions } from '@link-archive/federation';
import { ApiKey } from './api-keys/api-key.entity';
import { RefreshToken } from './auth/refresh-token.entity';
import { InitUser1732300000000 } from './migrations/1732300000000-init-user';
import { UserAdmin1733100000000 } from './migrations/1733100000000-admin';
import { UserPartnerScopes1733200000000 } from './migrations/1733200000000-partner-scopes';
import { UserPasswordReset1733300000000 } from './migrations/1733300000000-password-reset';
import { UserEmailVerification1733400000000 } from './migrations/1733400000000-email-verification';
import { UserSearch1733500000000 } from './migrations/1733500000000-user-search';
import { User } from './user/user.entity';

export const USER_SCHEMA = 'user';

export const userDataSource = (options: Pick<DataSourceOptions, 'url' | 'logger' | 'poolSize'>) =>
  createDataSource({
    ...options,
    schema: USER_SCHEMA,
    entities: [User, RefreshToken, ApiKey],
    migrations: [
      InitUser1732300000000,
      UserDomainEvents1732500000000,
      UserAdmin1733100000000,
      UserPartnerScopes1733200000000,
      UserPasswordReset1733300000000,
      UserEmailVerification1733400000000,
      UserSearch1733500000000,
    ],
  });
