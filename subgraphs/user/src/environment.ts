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
});
export type UserEnvironment = z.infer<typeof userEnvironment>;

export const loadEnvironment = (): UserEnvironment => parseEnvironment(userEnvironment);
