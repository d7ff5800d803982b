import { hash, verify } from '@node-rs/argon2';
import { badInput } from '@link-archive/core';

// OWASP's argon2id baseline: m=19 MiB, t=2, p=1. Algorithm 2 is Argon2id (a const enum upstream).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 256;

export function checkPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
    throw badInput(field, `${field} must be ${MIN_PASSWORD}-${MAX_PASSWORD} characters`);
  }
}

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** Verifies against a real hash even for unknown accounts, so timing does not reveal which exist. */
let decoy: Promise<string> | undefined;
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword('decoy-password-for-unknown-accounts');
  const target = stored ?? (await decoy);
  const ok = await verify(target, password.slice(0, MAX_PASSWORD)).catch(() => false);
  return ok && stored !== null;
}
