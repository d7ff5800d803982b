import { badInput, notFound, optionalText, type Viewer } from '@link-archive/core';
import { In, type Repository } from 'typeorm';
import { likePrefix } from './like-prefix';
import type { User } from './user.entity';
import { HANDLE_PATTERN, normalizeHandle } from './handle';
import { MAX_BIO, MAX_DISPLAY_NAME } from './user.inputs';
import { isUniqueViolation } from '@link-archive/federation';

export interface ProfileChanges {
  displayName?: string | null;
  bio?: string | null;
  handle?: string | null;
  /** The language of the account's mail: en or ko. */
  language?: string | null;
}

const MAX_QUERY = 100;
const DEFAULT_RESULTS = 20;
const MAX_RESULTS = 50;

export class UserService {
  constructor(private readonly users: Repository<User>) {}

  /**
   * People by handle or display-name prefix (case-insensitive): the exact handle first, then handles, then
   * display names, each alphabetically. Suspended accounts are not found.
   */
  async search(raw: string, first?: number | null): Promise<User[]> {
    const text = raw.trim().toLowerCase();
    if (!text) throw badInput('query', 'query is empty');
    if (text.length > MAX_QUERY) throw badInput('query', `query is longer than ${MAX_QUERY}`);
    const limit = first ?? DEFAULT_RESULTS;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS)
      throw badInput('first', `first must be between 1 and ${MAX_RESULTS}`);
    const prefix = likePrefix(text);
    const ranked: { id: string }[] = await this.users.query(
      `SELECT id FROM "user".users
        WHERE (handle LIKE $1 OR lower(display_name) LIKE $1) AND suspended_at IS NULL
        ORDER BY CASE WHEN handle = $2 THEN 0 WHEN handle LIKE $1 THEN 1 ELSE 2 END, handle
        LIMIT $3`,
      [prefix, text, limit],
    );
    const found = new Map(
      (await this.users.findBy({ id: In(ranked.map((r) => r.id)) })).map((u) => [u.id, u]),
    );
    return ranked.map((r) => found.get(r.id)).filter((u): u is User => !!u);
  }

  async byHandle(raw: string): Promise<User | null> {
    const handle = raw.trim().toLowerCase();
    return HANDLE_PATTERN.test(handle) ? this.users.findOneBy({ handle }) : null;
  }

  async updateProfile(viewer: Viewer, changes: ProfileChanges): Promise<User> {
    const user = await this.users.findOneBy({ id: viewer.userId });
    if (!user) throw notFound('User');
    const displayName = optionalText('displayName', changes.displayName, MAX_DISPLAY_NAME);
    const bio = optionalText('bio', changes.bio, MAX_BIO);
    if (displayName !== undefined) user.displayName = displayName;
    if (bio !== undefined) user.bio = bio;
    if (changes.handle !== undefined && changes.handle !== null)
      user.handle = normalizeHandle(changes.handle);
    if (changes.language !== undefined && changes.language !== null) {
      if (changes.language !== 'en' && changes.language !== 'ko')
        throw badInput('language', 'language must be en or ko');
      user.language = changes.language;
    }
    try {
      return await this.users.save(user);
    } catch (err) {
      if (isUniqueViolation(err, 'users_handle_key')) throw badInput('handle', 'handle is already taken');
      throw err;
    }
  }
}
