/** A random id for a save request: WebCrypto's UUID where there is one, else 128 random bits in hex. */
export function newRequestId(): string {
  const crypto = (
    globalThis as {
      crypto?: { randomUUID?: () => string; getRandomValues?: <T extends Uint8Array>(array: T) => T };
    }
  ).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  if (!crypto?.getRandomValues)
    throw new Error('No secure random source: install react-native-get-random-values, or pass newRequestId');
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b: number) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}
