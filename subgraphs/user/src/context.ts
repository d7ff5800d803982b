import type { BaseContext } from '@link-archive/federation';
import type { createUserLoader } from './user/user.loader';
import type { UserService } from './user/user.service';
import type { AuthService } from './auth/auth.service';
import type { DataSource } from 'typeorm';
import type { AdminService } from './admin/admin.service';
import type { EmailVerificationService } from './auth/email-verification.service';
import type { PasswordResetService } from './auth/password-reset.service';
import type { ApiKeyService } from './api-keys/api-key.service';

export interface UserServices {
  users: UserService;
  auth: AuthService;
  apiKeys: ApiKeyService;
  admin: AdminService;
  passwordReset: PasswordResetService;
  emailVerification: EmailVerificationService;
  ds: DataSource;
}

export interface UserContext extends BaseContext {
  services: UserServices;
  loaders: { user: ReturnType<typeof createUserLoader> };
}
