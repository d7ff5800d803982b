import { parseEnvironment } from '@link-archive/core';
import { subgraphEnvironment } from '@link-archive/federation';
import { z } from 'zod';

export const userEnvironment = subgraphEnvironment(4001).extend({
  JWT_PRIVATE_KEY: z
    .string()
    .includes('PRIVATE KEY', { message: 'JWT_PRIVATE_KEY must be a PKCS#8 PEM Ed25519 key' }),
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  SIGNUP_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
  /** Where mail goes (smtp:// or smtps://); unset: an embedded sink ADMINs read with sinkMessages. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Link Archive <no-reply@link-archive.local>'),
  /** The app's page for a password reset; the mail links here with ?token=. */
  PASSWORD_RESET_URL: z.string().url().default('http://localhost:4000/reset-password'),
  /** The app's page that confirms an address; the sign-up mail links here with ?token=. */
  EMAIL_VERIFY_URL: z.string().url().default('http://localhost:4000/verify-email'),
  RESET_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
  RESET_MAX_PER_IP: z.coerce.number().int().min(1).default(20),
});
export type UserEnvironment = z.infer<typeof userEnvironment>;

export const loadEnvironment = (): UserEnvironment => parseEnvironment(userEnvironment);
