import type { SubgraphDefinition } from '@link-archive/federation';
import { AdminService } from './admin/admin.service';
import { apiKeyRoutes } from './api-keys/api-key.routes';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeyService } from './api-keys/api-key.service';
import { AuthService } from './auth/auth.service';
import { EmailVerificationService } from './auth/email-verification.service';
import { PasswordResetService } from './auth/password-reset.service';
import { TokenSigner } from './auth/token-signer';
import type { UserContext, UserServices } from './context';
import { USER_SCHEMA, userDataSource } from './data-source';
import type { UserEnvironment } from './environment';
import { startMailSink } from './mail/mail-sink';
import { Mailer } from './mail/mailer';
import { buildUserSchema } from './schema';
import { User } from './user/user.entity';
import { createUserLoader } from './user/user.loader';
import { UserService } from './user/user.service';

export const userSubgraph: SubgraphDefinition<UserContext, UserEnvironment> = {
  name: 'user',
  dbSchema: USER_SCHEMA,
  dataSource: userDataSource,
  buildSchema: buildUserSchema,
  async setup({ ds, redis, logger }, env) {
    const users = ds.getRepository(User);
    const sink = env.SMTP_URL ? null : await startMailSink(ds, logger);
    const mailer = new Mailer(env.SMTP_URL ?? sink!.url, env.MAIL_FROM, logger);
    const auth = new AuthService(
      ds,
      await TokenSigner.fromPem(env.JWT_PRIVATE_KEY),
      redis,
      env.REDIS_PREFIX,
      {
        loginPerAccount: env.LOGIN_MAX_PER_ACCOUNT,
        loginPerIp: env.LOGIN_MAX_PER_IP,
        loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
        signUpPerIp: env.SIGNUP_MAX_PER_IP,
      },
    );
    const services: UserServices = {
      users: new UserService(users),
      apiKeys: new ApiKeyService(ds.getRepository(ApiKey)),
      admin: new AdminService(ds, redis, env.REDIS_PREFIX),
      auth,
      passwordReset: new PasswordResetService(ds, auth, mailer, redis, env.REDIS_PREFIX, {
        resetUrl: env.PASSWORD_RESET_URL,
        perAddress: env.RESET_MAX_PER_ADDRESS,
        perIp: env.RESET_MAX_PER_IP,
      }),
      emailVerification: new EmailVerificationService(ds, mailer, logger, env.EMAIL_VERIFY_URL),
      ds,
    };
    return {
      context: (base) => ({ ...base, services, loaders: { user: createUserLoader(users) } }),
      internalRoutes: apiKeyRoutes(services.apiKeys),
      close: async () => {
        mailer.close();
        await sink?.close();
      },
    };
  },
};
