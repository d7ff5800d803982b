/** The token of an `Authorization: Bearer …` header; null when the header is absent or another scheme. */
export const bearerToken = (authorization: string | undefined): string | null =>
  /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? null;
