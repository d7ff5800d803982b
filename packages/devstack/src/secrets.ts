import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StackSecrets {
  gatewaySecret: string;
  jwtPrivateKey: string;
  jwtPublicKey: string;
}

export function generateSecrets(): StackSecrets {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    gatewaySecret: randomBytes(32).toString('base64url'),
    jwtPrivateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    jwtPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Local secrets, made once and kept under .data/ (never committed); production passes them by env. */
export function localSecrets(dir: string): StackSecrets {
  const file = join(dir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dir, { recursive: true });
  const secrets = generateSecrets();
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
