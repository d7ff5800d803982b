import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Automatic persisted queries: each operation goes as its sha256 first, and in full only when the gateway has not
 * seen it (then it is kept for everyone). Pure-JS hashing, as React Native has no WebCrypto digest.
 */
export const persistedQueriesLink = () =>
  new PersistedQueryLink({ sha256: (query: string) => bytesToHex(sha256(utf8ToBytes(query))) });
