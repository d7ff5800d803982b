import type { KeyValueStorage } from './storage';

/** What signUp, signIn and refreshSession answer with (the AuthPayload's tokens). */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** ISO time the access token expires at. */
  expiresAt: string;
}

/** Trades a refresh token for new tokens; null when the server refused it (signed out, revoked, reused). */
export type RefreshTokens = (refreshToken: string) => Promise<SessionTokens | null>;

export interface TokenSessionOptions {
  storage: KeyValueStorage;
  refresh: RefreshTokens;
  /** Refresh ahead of expiry by this much (default 30 s; 0: only when the server refuses the token). */
  refreshMarginMs?: number;
  /** Called once when a refresh is refused: the app shows its sign-in screen. */
  onSignedOut?: () => void;
  storageKey?: string;
  now?: () => number;
}

/**
 * The signed-in session's tokens: kept in storage, handed to every request, refreshed once however many requests
 * find the access token stale at the same time (refresh tokens rotate: a second refresh with the same token would
 * revoke the family).
 */
export class TokenSession {
  private tokens: SessionTokens | null = null;
  private loaded: Promise<void> | null = null;
  private refreshing: Promise<string | null> | null = null;
  private readonly key: string;
  private readonly now: () => number;

  constructor(private readonly options: TokenSessionOptions) {
    this.key = options.storageKey ?? 'link-archive:session';
    this.now = options.now ?? Date.now;
  }

  /** Keeps the tokens of a sign-in (or clears them with null). */
  async set(tokens: SessionTokens | null): Promise<void> {
    await this.load();
    // only the tokens (an AuthPayload also carries the user)
    this.tokens = tokens
      ? { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt }
      : null;
    if (tokens) await this.options.storage.setItem(this.key, JSON.stringify(this.tokens));
    else await this.options.storage.removeItem(this.key);
  }

  async current(): Promise<SessionTokens | null> {
    await this.load();
    return this.tokens;
  }

  /** An access token to send now: refreshed first when it expires within the margin; null when signed out. */
  async accessToken(): Promise<string | null> {
    const tokens = await this.current();
    if (!tokens) return null;
    const margin = this.options.refreshMarginMs ?? 30_000;
    if (Date.parse(tokens.expiresAt) - this.now() > margin) return tokens.accessToken;
    return this.refresh(tokens.accessToken);
  }

  /**
   * A new access token after the server refused `refused`. When another request already replaced that token, its
   * successor is the answer; concurrent callers share one refresh.
   */
  async refresh(refused: string | null): Promise<string | null> {
    const tokens = await this.current();
    if (!tokens) return null;
    if (refused !== null && tokens.accessToken !== refused) return tokens.accessToken;
    this.refreshing ??= this.rotate(tokens).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async rotate(tokens: SessionTokens): Promise<string | null> {
    const next = await this.options.refresh(tokens.refreshToken);
    if (!next) {
      await this.set(null);
      this.options.onSignedOut?.();
      return null;
    }
    await this.set(next);
    return next.accessToken;
  }

  private load(): Promise<void> {
    this.loaded ??= this.options.storage.getItem(this.key).then((stored) => {
      if (this.tokens === null && stored) this.tokens = JSON.parse(stored) as SessionTokens;
    });
    return this.loaded;
  }
}
