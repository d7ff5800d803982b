/**
 * Why a fetch ended without a usable response. `permanent` failures end a job at once with the code as
 * the link's `error`; the others are worth a retry with backoff.
 */
export class FetchError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export const blocked = (what: string) =>
  new FetchError('BLOCKED_ADDRESS', `${what} is not a public address`, true);
