/** Prints fresh secrets as .env lines for docker compose: `npm run secrets > .env` (never commit it). */
import { generateSecrets } from './secrets';

const s = generateSecrets();
const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');
process.stdout.write(
  [
    `GATEWAY_SECRET=${s.gatewaySecret}`,
    `JWT_PRIVATE_KEY="${oneLine(s.jwtPrivateKey)}"`,
    `JWT_PUBLIC_KEY="${oneLine(s.jwtPublicKey)}"`,
    `POSTGRES_PASSWORD=${generateSecrets().gatewaySecret.slice(0, 24)}`,
    `MINIO_ROOT_PASSWORD=${generateSecrets().gatewaySecret.slice(0, 24)}`,
    '',
  ].join('\n'),
);
