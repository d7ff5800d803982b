import { badInput, notFound, optionalText, type Viewer } from '@link-archive/core';
import type { Repository } from 'typeorm';
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

export class UserService {
  constructor(private readonly users: Repository<User>) {}

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
