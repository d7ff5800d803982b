import { buildFederatedSchema } from '@link-archive/federation';
import { AdminAuditEntryResolver, AdminResolver } from './admin/admin.resolver';
import { ApiKeyResolver } from './api-keys/api-key.resolver';
import { SinkMessagesResolver } from './mail/sink-messages.resolver';
import { AuthResolver } from './auth/auth.resolver';
import { UserResolver } from './user/user.resolver';
import { userReference } from './user/user.reference';

export const buildUserSchema = () =>
  buildFederatedSchema(
    {
      resolvers: [
        UserResolver,
        AuthResolver,
        ApiKeyResolver,
        AdminResolver,
        AdminAuditEntryResolver,
        SinkMessagesResolver,
      ],
    },
    userReference,
  );
